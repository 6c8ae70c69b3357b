import { useEffect, useRef } from 'react';
import { LegalFooter } from '../../legal/LegalFooter.tsx';
import { SecurityView } from '../account/SecurityView.tsx';
import { VerifyBanner } from '../account/VerifyBanner.tsx';
import { ChannelsView } from '../channels/ChannelsView.tsx';
import { DraftProvider, useDraft } from '../draft/draft-context.tsx';
import { useSavedSettings } from '../draft/useSavedSettings.ts';
import { GoLiveView } from '../golive/GoLiveView.tsx';
import { HistoryView } from '../history/HistoryView.tsx';
import { PromptPreview } from '../preview/PromptPreview.tsx';
import { SectionForm } from '../sections/SectionForm.tsx';
import type { Member } from '../session/RequireSession.tsx';
import { OwnerOnlyNotice } from '../team/OwnerOnlyNotice.tsx';
import { TeamView } from '../team/TeamView.tsx';
import { useEditorText } from '../useEditorText.ts';
import { type EditorView, isSection } from '../views.ts';
import { EditorHeader } from './EditorHeader.tsx';
import { LoadError } from './LoadError.tsx';
import { LeaveGuardProvider } from './leave-guard.tsx';
import { SectionNav } from './SectionNav.tsx';
import { useViewFocus } from './useViewFocus.ts';

const HEADING_ID = 'ed-view-title';

const ViewContent = ({ view, member }: { view: EditorView; member: Member }) => {
  const t = useEditorText();
  const settings = useSavedSettings();
  // The checklist, the member's own account and the team do not need the studio's settings.
  if (view === 'golive') return <GoLiveView member={member} />;
  if (view === 'security') return <SecurityView member={member} />;
  if (view === 'team') return member.user.role === 'owner' ? <TeamView /> : <OwnerOnlyNotice />;
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

/**
 * The logged-in editor: header, navigation, the current screen and the prompt preview. The
 * owner and an admin see the same, except what only the owner may do (the team, the studio's
 * data).
 */
export const SettingsShell = ({ member, view }: { member: Member; view: EditorView }) => {
  const t = useEditorText();
  const heading = useRef<HTMLHeadingElement>(null);
  const title = t(`view_${view}`);
  const { role } = member.user;
  const intro =
    view === 'security' && role === 'owner' ? 'intro_securityOwner' : (`intro_${view}` as const);
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
          <EditorHeader member={member} />
          <VerifyBanner
            email={member.user.email}
            verified={member.user.emailVerified}
            view={view}
          />
          <div className="ed-layout">
            <SectionNav current={view} role={role} />
            <main id="ed-main" className="ed-main" tabIndex={-1}>
              <h1 id={HEADING_ID} ref={heading} tabIndex={-1}>
                {title}
              </h1>
              <p className="ed-intro">{t(intro)}</p>
              <ViewContent view={view} member={member} />
            </main>
            {isSection(view) && <Preview />}
          </div>
          <LegalFooter />
        </div>
      </LeaveGuardProvider>
    </DraftProvider>
  );
};
