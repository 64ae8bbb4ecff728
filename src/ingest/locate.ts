// STUB (owned by the ingest-semantics helper): place and agency of a case.
import type { Place } from './types.ts';

/** Title names the presenting place; the body is only a fallback. Texts are simplified. */
export function locateCase(title: string, body: string, provinceHint: string | null): Place {
  void title; void body;
  return { province: provinceHint, city: null, county: null, level: 'province', agency: null, fromBody: false };
}

/** The province a document is about, from the places its texts name; null when unclear. */
export function inferProvince(texts: string[]): string | null {
  void texts;
  return null;
}

/** Short lowercase code used in case ids (fj for 福建省, sn for 陕西省), 'xx' if unknown. */
export function provinceCode(province: string | null): string {
  void province;
  return 'xx';
}
