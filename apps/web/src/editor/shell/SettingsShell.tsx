import { useEffect, useRef } from 'react';
import { SecurityView } from '../account/SecurityView.tsx';
import { VerifyBanner } from '../account/VerifyBanner.tsx';
import { ChannelsView } from '../channels/ChannelsView.tsx';
import { DraftProvider, useDraft } from '../draft/draft-context.tsx';
import { useSavedSettings } from '../draft/useSavedSettings.ts';
import { HistoryView } from '../history/HistoryView.tsx';
import { PromptPreview } from '../preview/PromptPreview.tsx';
import { SectionForm } from '../sections/SectionForm.tsx';
import type { Owner } from '../session/RequireSession.tsx';
import { useEditorText } from '../useEditorText.ts';
import { type EditorView, isSection } from '../views.ts';
import { EditorHeader } from './EditorHeader.tsx';
import { LoadError } from './LoadError.tsx';
import { LeaveGuardProvider } from './leave-guard.tsx';
import { SectionNav } from './SectionNav.tsx';
import { useViewFocus } from './useViewFocus.ts';

const HEADING_ID = 'ed-view-title';

const ViewContent = ({ view, owner }: { view: EditorView; owner: Owner }) => {
  const t = useEditorText();
  const settings = useSavedSettings();
  // The owner's own account does not need the studio's settings.
  if (view === 'security') return <SecurityView owner={owner} />;
  if (settings.isPending) return <p aria-busy="true">{t('loading')}</p>;
  if (settings.isError) return <LoadError onRetry={() => void settings.refetch()} />;
  const { version, config } = settings.data;
  if (view === 'channels') return <ChannelsView />;
  if (view === 'history')
    return <HistoryView currentVersion={version} timeZone={config.timezone} />;
  return (
    <SectionForm key={view} section={view} saved={{ version, config }} labelledBy={HEADING_ID} />
  );
};

/** The prompt preview beside a section: the saved settings with the draft written in. */
const Preview = () => {
  const { draft } = useDraft();
  const settings = useSavedSettings();
  if (!settings.data) return null;
  const { config, studioName } = settings.data;
  return <PromptPreview studioName={studioName} config={config} draft={draft} />;
};

/** The logged-in editor: header, navigation, the current screen and the prompt preview. */
export const SettingsShell = ({ owner, view }: { owner: Owner; view: EditorView }) => {
  const t = useEditorText();
  const heading = useRef<HTMLHeadingElement>(null);
  const title = t(`view_${view}`);
  useViewFocus(view, heading);
  useEffect(() => {
    document.title = t('documentTitle', { view: title });
  });
  return (
    <DraftProvider>
      <LeaveGuardProvider>
        <div className="ed-app">
          <a className="ed-skip-link" href="#ed-main">
            {t('skipToContent')}
          </a>
          <EditorHeader owner={owner} />
          <VerifyBanner email={owner.user.email} verified={owner.user.emailVerified} view={view} />
          <div className="ed-layout">
            <SectionNav current={view} />
            <main id="ed-main" className="ed-main" tabIndex={-1}>
              <h1 id={HEADING_ID} ref={heading} tabIndex={-1}>
                {title}
              </h1>
              <p className="ed-intro">{t(`intro_${view}`)}</p>
              <ViewContent view={view} owner={owner} />
            </main>
            {isSection(view) && <Preview />}
          </div>
        </div>
      </LeaveGuardProvider>
    </DraftProvider>
  );
};
