import { useEffect, useRef } from 'react';

interface PromptTextProps {
  prompt: string;
  /** The saved prompt; lines the draft adds or changes are highlighted. */
  saved: string;
  describedBy: string;
}

/** The prompt as preformatted text; the first changed line is scrolled into view. */
export const PromptText = ({ prompt, saved, describedBy }: PromptTextProps) => {
  const box = useRef<HTMLPreElement>(null);
  const firstChange = useRef<HTMLElement>(null);
  const savedLines = new Set(saved.split('\n'));
  const lines = prompt.split('\n');
  const firstChanged = lines.findIndex((line) => line !== '' && !savedLines.has(line));

  useEffect(() => {
    const pre = box.current;
    const line = firstChange.current;
    if (!pre || !line || firstChanged < 0) return;
    const top = line.offsetTop - pre.offsetTop;
    if (top < pre.scrollTop || top > pre.scrollTop + pre.clientHeight - 40) {
      pre.scrollTop = Math.max(0, top - 60);
    }
  }, [firstChanged]);

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users must be able to scroll it
    <pre ref={box} className="ed-prompt" tabIndex={0} aria-describedby={describedBy}>
      {lines.map((line, index) => {
        const text = index < lines.length - 1 ? `${line}\n` : line;
        const changed = line !== '' && !savedLines.has(line);
        // Lines have no identity beyond their position in the rendered prompt.
        const key = `${index}:${line}`;
        return changed ? (
          <mark key={key} ref={index === firstChanged ? firstChange : undefined}>
            {text}
          </mark>
        ) : (
          <span key={key}>{text}</span>
        );
      })}
    </pre>
  );
};
