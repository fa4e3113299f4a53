// The rent-arrears (morosità) handlers, by call: the import (preview, commit,
// undo, the log of imports) and the column-mapping profiles per sender.
export { commitImport } from './commit';
export { previewImport } from './preview';
export { deleteProfile, profiles, saveProfile } from './profiles';
export { imports, undoImport } from './undo';
