export const UNIT_KINDS = ['district', 'special', 'range', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A police district or special unit: the scope of users, accounts and cases. */
export interface Unit {
  id: string;
  kind: UnitKind;
  nameEn: string;
  nameHi: string;
  parentId: string | null;
  active: boolean;
  stationCount: number;
}

/** A police station of a unit; `aliases` are other spellings the geotagger matches. */
export interface Station {
  id: string;
  unitId: string;
  nameEn: string;
  nameHi: string;
  aliases: string[];
  active: boolean;
}

export interface NewUnit {
  id: string;
  kind: UnitKind;
  nameEn: string;
  nameHi: string;
  parentId?: string | null | undefined;
}

export interface UnitPatch {
  nameEn?: string | undefined;
  nameHi?: string | undefined;
  kind?: UnitKind | undefined;
  active?: boolean | undefined;
}

export interface NewStation {
  id: string;
  nameEn: string;
  nameHi: string;
  aliases?: readonly string[] | undefined;
}

export interface StationPatch {
  nameEn?: string | undefined;
  nameHi?: string | undefined;
  aliases?: readonly string[] | undefined;
  active?: boolean | undefined;
}
