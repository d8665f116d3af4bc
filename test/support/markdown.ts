// Markdown rendered the way VS Code's hovers are (marked, GFM: tables, strikethrough, bare
// autolinks), for tests that prove user text stays text. marked is an ES module, hence the dynamic
// import; it is in node_modules through @vscode/vsce.
export async function loadMarkdownRenderer(): Promise<(md: string) => string> {
  const { marked } = await import('marked');
  return (md) => marked.parse(md, { gfm: true, async: false }) as string;
}
