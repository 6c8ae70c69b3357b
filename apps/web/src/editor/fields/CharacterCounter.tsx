import { useEditorText } from '../useEditorText.ts';

/** "42 / 500 Zeichen", marked once the text is too long. */
export const CharacterCounter = ({
  id,
  length,
  max,
}: {
  id: string;
  length: number;
  max: number;
}) => {
  const t = useEditorText();
  return (
    <p id={id} className="ed-counter" data-over={length > max ? 'true' : undefined}>
      {t('characterCount', { count: length, max })}
    </p>
  );
};
