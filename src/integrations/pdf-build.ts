/** True in the build that `npm run pdf` makes: plan pages then link to their PDF. */
export function pdfBuild(): boolean {
  return process.env.OPSBOOK_PDF === '1';
}
