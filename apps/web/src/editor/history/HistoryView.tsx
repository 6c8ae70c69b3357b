import { useState } from 'react';
import { isVersionConflict } from '../../errors/api-error.ts';
import { useLanguage } from '../../i18n/i18n.tsx';
import { trpc } from '../../trpc.ts';
import { useCommittedVersion } from '../draft/useSavedSettings.ts';
import { LoadError } from '../shell/LoadError.tsx';
import { useEditorErrorText } from '../useEditorErrorText.ts';
import { useEditorText } from '../useEditorText.ts';
import { useSectionName } from './section-name.ts';

/** Who made a change: their address; none is left once that person was removed from the team. */
const useChangedBy = () => {
  const t = useEditorText();
  return ({ changedBy, section }: { changedBy: string | null; section: string }) => {
    if (changedBy) return changedBy;
    return section === 'initial' ? t('changedBySetup') : t('changedByRemovedMember');
  };
};

/** Every saved version — who, which section, when — and a way back to each. */
export const HistoryView = ({
  currentVersion,
  timeZone,
}: {
  currentVersion: number;
  timeZone: string;
}) => {
  const t = useEditorText();
  const errorText = useEditorErrorText();
  const { language } = useLanguage();
  const sectionName = useSectionName();
  const changedBy = useChangedBy();
  const utils = trpc.useUtils();
  const commit = useCommittedVersion();
  const history = trpc.history.list.useQuery();
  const restore = trpc.history.restore.useMutation();
  const [message, setMessage] = useState('');

  const when = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'medium',
    hourCycle: 'h23',
    timeZone,
  });

  const restoreVersion = async (version: number) => {
    setMessage(t('restoring', { version }));
    try {
      const result = await restore.mutateAsync({ version, expectedVersion: currentVersion });
      commit(result);
      setMessage(t('restored', { version, newVersion: result.version }));
    } catch (error) {
      // Someone else committed meanwhile: show what is saved now (a success updates both itself).
      void utils.history.list.invalidate();
      if (isVersionConflict(error)) {
        await utils.settings.get.invalidate();
        setMessage(t('restoreConflict'));
      } else {
        setMessage(t('restoreFailed', { message: errorText(error) }));
      }
    }
  };

  if (history.isPending) return <p aria-busy="true">{t('loading')}</p>;
  if (history.isError) return <LoadError onRetry={() => void history.refetch()} />;

  return (
    <>
      <p role="status" className="ed-status">
        {message}
      </p>
      <table className="ed-table">
        <caption className="visually-hidden">{t('historyCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('version')}</th>
            <th scope="col">{t('historySection')}</th>
            <th scope="col">{t('changedBy')}</th>
            <th scope="col">{t('changedAt')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {history.data.map((entry) => (
            <tr key={entry.version}>
              <th scope="row">{entry.version}</th>
              <td>
                {entry.restoredFromVersion === null
                  ? sectionName(entry.section)
                  : t('restoredFrom', { version: entry.restoredFromVersion })}
              </td>
              <td>{changedBy(entry)}</td>
              {/* Dates arrive as ISO text (the API has no transformer), whatever the type says. */}
              <td>{when.format(new Date(entry.changedAt))}</td>
              <td>
                {entry.version === currentVersion ? (
                  <span className="ed-badge" data-active="true">
                    {t('currentVersion')}
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button small secondary"
                    disabled={restore.isPending}
                    aria-label={t('restoreVersion', { version: entry.version })}
                    onClick={() => void restoreVersion(entry.version)}
                  >
                    {t('restore')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
};
