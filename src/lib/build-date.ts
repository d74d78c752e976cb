/** The build date shown in footers: $OPSBOOK_BUILD_DATE, else SOURCE_DATE_EPOCH, else today (UTC). */
export function buildDate(): string {
  if (process.env.OPSBOOK_BUILD_DATE) return process.env.OPSBOOK_BUILD_DATE;
  if (process.env.SOURCE_DATE_EPOCH) return new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString().slice(0, 10);
  return new Date().toISOString().slice(0, 10);
}
