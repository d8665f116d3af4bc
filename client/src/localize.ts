// UI strings pass through `t`: vscode.l10n.t in the extension (translations from l10n bundles when
// there are any), this plain `{0}` formatter in the pure modules' tests.
export type Localize = (message: string, ...args: (string | number)[]) => string;

export const plainLocalize: Localize = (message, ...args) => message.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
