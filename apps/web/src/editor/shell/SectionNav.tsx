import type { UserRole } from '@pilar/provisioning/contracts';
import type { MouseEvent } from 'react';
import { useEditorText } from '../useEditorText.ts';
import { type EditorView, isSection, navViews, viewPath } from '../views.ts';
import { useLeaveGuard } from './leave-guard.tsx';

/** The editor's screens; real links (new tab works), in-app navigation asks before losing work. */
export const SectionNav = ({ current, role }: { current: EditorView; role: UserRole }) => {
  const t = useEditorText();
  const { go } = useLeaveGuard();
  const follow = (event: MouseEvent<HTMLAnchorElement>, view: EditorView) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0)
      return;
    event.preventDefault();
    if (view !== current) go(viewPath(view));
  };
  const views = navViews(role);
  const groups = [
    { label: t('navStart'), views: views.filter((view) => view === 'golive') },
    { label: t('navSettings'), views: views.filter(isSection) },
    { label: t('navMore'), views: views.filter((view) => !isSection(view) && view !== 'golive') },
  ];
  return (
    <nav className="ed-nav" aria-label={t('navLabel')}>
      {groups.map((group) => (
        <div key={group.label}>
          <p className="ed-nav-group" aria-hidden="true">
            {group.label}
          </p>
          <ul>
            {group.views.map((view) => (
              <li key={view}>
                <a
                  href={viewPath(view)}
                  aria-current={view === current ? 'page' : undefined}
                  onClick={(event) => follow(event, view)}
                >
                  {t(`view_${view}`)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
};
