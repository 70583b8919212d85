import ReactMarkdown from 'react-markdown';

/** Renders a call's markdown. Raw HTML in the source is shown as text, never run. */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="prose-call">
      <ReactMarkdown skipHtml>{source}</ReactMarkdown>
    </div>
  );
}
