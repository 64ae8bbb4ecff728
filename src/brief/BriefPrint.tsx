// The brief as a printable page (A4, see brief.css): the same content as the Word file, one section per
// page. Text is rendered as text (React escapes it); charts are the page's own PNGs.
import type { Block, BriefContent } from './content.ts';
import type { PageChart } from './charts.ts';

function BlockView({ block, charts, noChart }: { block: Block; charts: Map<string, PageChart>; noChart: string }) {
  switch (block.kind) {
    case 'p':
      return <p className={block.note ? 'brief-note' : undefined}>{block.text}</p>;
    case 'h3':
      return <h3>{block.text}</h3>;
    case 'table':
      return (
        <table className="brief-table">
          <colgroup>
            {block.widths.map((w, i) => (
              <col key={i} style={{ width: `${w}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {block.header.map((h, i) => (
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'chart': {
      const chart = charts.get(block.chartId);
      return (
        <figure className="brief-figure">
          {chart ? <img src={chart.dataUrl} alt={block.caption} /> : <p className="brief-note">{noChart}</p>}
          <figcaption>{block.caption}</figcaption>
        </figure>
      );
    }
  }
}

export function BriefPrint({ content, charts, noChart }: { content: BriefContent; charts: Map<string, PageChart>; noChart: string }) {
  return (
    <article className="brief-print" data-testid="brief-print">
      <header className="brief-head">
        <h1>{content.title}</h1>
        <p className="brief-subtitle">{content.subtitle}</p>
        {content.meta.map((m) => (
          <p key={m} className="brief-meta">
            {m}
          </p>
        ))}
      </header>
      {content.sections.map((s, i) => (
        <section key={s.heading} className={i > 0 ? 'brief-section brief-new-page' : 'brief-section'}>
          <h2>{s.heading}</h2>
          {s.blocks.map((b, j) => (
            <BlockView key={j} block={b} charts={charts} noChart={noChart} />
          ))}
        </section>
      ))}
    </article>
  );
}
