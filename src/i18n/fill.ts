/** Fills {name} placeholders of a dictionary string; unknown names stay as written. Tiny, so client islands can use it. */
export type FillParams = Readonly<Record<string, string | number>>;

export function fillParams(text: string, params?: FillParams): string {
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
}
