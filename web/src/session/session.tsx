import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, api } from '../api/client.js';
import { authApi, unitsApi } from '../api/endpoints.js';
import type { Locale, Me, UnitRef } from '../api/types.js';
import { applyLocale, storedLocale } from '../i18n/index.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'second-factor' }
  | { status: 'error'; error: unknown }
  | { status: 'signed-in'; me: Me };

/** The unit every page filters by: one unit id, or null for all the user's units. */
export type UnitChoice = string | null;

interface SessionApi {
  state: SessionState;
  locale: Locale;
  /** Units the user can switch between (their own, or every unit for force-wide roles). */
  units: UnitRef[];
  currentUnit: UnitChoice;
  setCurrentUnit: (unit: UnitChoice) => void;
  login: (username: string, password: string) => Promise<void>;
  verifyTotp: (code: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Reloads Me (after a password change, TOTP change, profile edit). */
  refresh: () => Promise<void>;
  setLocale: (locale: Locale) => Promise<void>;
  /** Forgets the session when the server says it has ended. */
  sessionEnded: () => void;
}

const SessionContext = createContext<SessionApi | null>(null);
const unitStorageKey = (userId: string) => `chhavi.unit.${userId}`;

function readStoredUnit(userId: string): UnitChoice {
  try {
    return window.localStorage.getItem(unitStorageKey(userId));
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const [allUnits, setAllUnits] = useState<UnitRef[]>([]);
  const [currentUnit, setCurrentUnitState] = useState<UnitChoice>(null);

  // A language picked on the sign-in screen is the user's wish for this visit: it is saved to the
  // account once they are in, instead of being overruled by the account's older choice.
  const chosenBeforeSignIn = useRef<Locale | null>(null);

  const signedIn = useCallback(async (signedInAs: Me) => {
    api.setCsrfToken(signedInAs.csrfToken);
    let me = signedInAs;
    const wanted = chosenBeforeSignIn.current;
    chosenBeforeSignIn.current = null;
    if (wanted && wanted !== me.locale) {
      try {
        me = { ...(await authApi.updateMe({ locale: wanted })), csrfToken: me.csrfToken };
      } catch {
        // Keeping the account's language is an acceptable outcome; the switch stays available.
      }
    }
    setLocaleState(me.locale);
    await applyLocale(me.locale);
    setState({ status: 'signed-in', me });
  }, []);

  const loadMe = useCallback(async () => {
    try {
      await signedIn(await authApi.me());
    } catch (err) {
      api.setCsrfToken(null);
      // A sign-in left waiting for its second factor (the page was reloaded) cannot be finished:
      // its CSRF token came with the login answer only. Signing in again starts a fresh one.
      if (err instanceof ApiError && err.status === 401) setState({ status: 'anonymous' });
      else setState({ status: 'error', error: err });
    }
  }, [signedIn]);

  useEffect(() => {
    void loadMe();
  }, [loadMe]);

  useEffect(() => {
    api.setUnauthenticatedHandler(() => {
      api.setCsrfToken(null);
      setState((current) => (current.status === 'signed-in' ? { status: 'anonymous' } : current));
    });
    return () => api.setUnauthenticatedHandler(null);
  }, []);

  const me = state.status === 'signed-in' ? state.me : null;
  const meId = me?.id;
  const forceWide = me?.allUnits ?? false;

  // Force-wide users may narrow the view to any unit; their Me carries no unit list.
  useEffect(() => {
    if (!meId || !forceWide) {
      setAllUnits([]);
      return;
    }
    let cancelled = false;
    unitsApi
      .list()
      .then(({ units }) => {
        if (!cancelled) setAllUnits(units.filter((u) => u.active).map(({ id, nameEn, nameHi }) => ({ id, nameEn, nameHi })));
      })
      .catch(() => {
        // Without the list the switcher offers "All units" only, which is still correct.
        if (!cancelled) setAllUnits([]);
      });
    return () => {
      cancelled = true;
    };
  }, [meId, forceWide]);

  const units = useMemo(() => (me ? (me.allUnits ? allUnits : me.units) : []), [me, allUnits]);

  useEffect(() => {
    if (!meId) return;
    const stored = readStoredUnit(meId);
    if (stored && units.some((u) => u.id === stored)) setCurrentUnitState(stored);
    else if (!forceWide && units.length === 1) setCurrentUnitState(units[0]!.id);
    else setCurrentUnitState(null);
  }, [meId, forceWide, units]);

  const setCurrentUnit = useCallback(
    (unit: UnitChoice) => {
      setCurrentUnitState(unit);
      if (!meId) return;
      try {
        if (unit) window.localStorage.setItem(unitStorageKey(meId), unit);
        else window.localStorage.removeItem(unitStorageKey(meId));
      } catch {
        // The choice then lasts for this page only.
      }
    },
    [meId],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const result = await authApi.login(username, password);
      api.setCsrfToken(result.user.csrfToken);
      if (result.secondFactorRequired) setState({ status: 'second-factor' });
      else await signedIn(result.user);
    },
    [signedIn],
  );

  const verifyTotp = useCallback(
    async (code: string) => {
      const { user } = await authApi.verifyTotp(code);
      await signedIn(user);
    },
    [signedIn],
  );

  const sessionEnded = useCallback(() => {
    api.setCsrfToken(null);
    setState({ status: 'anonymous' });
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      sessionEnded();
    }
  }, [sessionEnded]);

  const setLocale = useCallback(
    async (next: Locale) => {
      setLocaleState(next);
      await applyLocale(next);
      if (!me) chosenBeforeSignIn.current = next;
      if (me && me.locale !== next) {
        const updated = await authApi.updateMe({ locale: next });
        setState({ status: 'signed-in', me: { ...updated, csrfToken: me.csrfToken } });
      }
    },
    [me],
  );

  const value = useMemo<SessionApi>(
    () => ({ state, locale, units, currentUnit, setCurrentUnit, login, verifyTotp, logout, refresh: loadMe, setLocale, sessionEnded }),
    [state, locale, units, currentUnit, setCurrentUnit, login, verifyTotp, logout, loadMe, setLocale, sessionEnded],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for components rendered inside the signed-in shell. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe without a signed-in user');
  return state.me;
}

export function useCan(): (permission: string) => boolean {
  const me = useMe();
  return useCallback((permission: string) => me.permissions.includes(permission), [me]);
}
