import {
  renderAgentPrompt,
  type SectionChange,
  type TenantConfig,
  writeSection,
} from '@pilar/provisioning/contracts';
import { useMemo } from 'react';
import { type Draft, isDirty } from '../draft/draft-context.tsx';
import { useEditorText } from '../useEditorText.ts';
import { PromptText } from './PromptText.tsx';

interface PromptPreviewProps {
  studioName: string;
  config: TenantConfig;
  draft: Draft | null;
}

/** The saved document with the section being edited written in, exactly as it would be saved. */
const previewConfig = (config: TenantConfig, draft: Draft | null) =>
  draft
    ? writeSection(config, { section: draft.section, value: draft.value } as SectionChange)
    : config;

/** The exact prompt the agent would get, re-rendered from the unsaved form as the owner types. */
export const PromptPreview = ({ studioName, config, draft }: PromptPreviewProps) => {
  const t = useEditorText();
  const saved = useMemo(() => renderAgentPrompt({ studioName, config }), [studioName, config]);
  const prompt = useMemo(() => {
    try {
      return renderAgentPrompt({ studioName, config: previewConfig(config, draft) });
    } catch {
      // A half-typed value the renderer cannot handle: show the saved state meanwhile.
      return saved;
    }
  }, [studioName, config, draft, saved]);

  return (
    <aside className="ed-preview" aria-labelledby="ed-preview-title">
      <h2 id="ed-preview-title">{t('previewTitle')}</h2>
      <p className="field-hint" id="ed-preview-state">
        {isDirty(draft) ? t('previewUnsaved') : t('previewSaved')}
      </p>
      <PromptText prompt={prompt} saved={saved} describedBy="ed-preview-state" />
    </aside>
  );
};
