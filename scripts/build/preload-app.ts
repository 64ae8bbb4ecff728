// The entry (src/main.tsx) loads the app (src/render-app.tsx) with a dynamic import, so that it runs — and starts
// DuckDB — before the app's code is evaluated. This Vite plugin still lists the app's chunks, their static imports
// and their CSS in index.html (modulepreload, stylesheet) as a static import's would be: fetched and parsed
// alongside the entry, not one round trip after it.
import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite';

/** The <link> tags for the chunk of `appModule` dynamically imported by `entry` (none if it is not). */
export function appPreloadTags(bundle: Rollup.OutputBundle, entry: Rollup.OutputChunk, appModule: string, base: string): HtmlTagDescriptor[] {
  const app = Object.values(bundle).find((c): c is Rollup.OutputChunk => c.type === 'chunk' && c.facadeModuleId?.endsWith(appModule) === true);
  if (!app || !entry.dynamicImports.includes(app.fileName)) return [];
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (scripts.has(fileName) || chunk?.type !== 'chunk') return;
    scripts.add(fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
    chunk.imports.forEach(visit);
  };
  visit(app.fileName);
  // The entry and its own static imports are preloaded by Vite already.
  const preloaded = new Set([entry.fileName, ...entry.imports]);
  return [
    ...[...styles].map((file): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: base + file }, injectTo: 'head' })),
    ...[...scripts]
      .filter((file) => !preloaded.has(file))
      .map((file): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: base + file }, injectTo: 'head' })),
  ];
}

/** Adds appPreloadTags to the built index.html (`appModule`: the path the app's module ends with). */
export function preloadApp(appModule: string): Plugin {
  let base = '/';
  return {
    name: 'preload-app',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => (ctx.bundle && ctx.chunk ? appPreloadTags(ctx.bundle, ctx.chunk, appModule, base) : []),
    },
  };
}
