// Reading committed files from git repositories without running git (see repository.ts for why).
export { BaselineReader, readFileAtRevision, type BaselineRead, type BaselineReaderOptions } from './baseline';
export { GitRepository } from './repository';
export { GitReadError, type GitFailureReason } from './gitFiles';
export { defaultObjectStoreLimits, type ObjectStoreLimits } from './objectStore';
