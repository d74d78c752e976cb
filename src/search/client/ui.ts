/**
 * Search's UI in one lazily loaded module: the dialog and the search page,
 * with the engine. Both the header's trigger and the search page import it
 * dynamically, so it is a chunk of its own and the trigger stays tiny.
 */
export { openSearchDialog } from './dialog.ts';
export { mountSearchPage } from './page.ts';
