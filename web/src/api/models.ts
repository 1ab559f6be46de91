import { api } from './client.js';

/** The text models (src/nlp/models/routes): registered versions with their dev-set figures. */
export interface ModelSummary {
  anchors: Record<string, number>;
  labels: { label: string; devF1: number | null; threshold: number | null }[];
}

export interface TextModel {
  version: string;
  registeredAt: string;
  registeredBy: string;
  active: boolean;
  activatedAt: string | null;
  summary: ModelSummary;
}

export const modelsApi = {
  list: () => api.get<{ models: TextModel[] }>('/nlp/models'),
  activate: (version: string) => api.post<{ model: TextModel }>(`/nlp/models/${encodeURIComponent(version)}/activate`),
};
