import type { AppRouter } from '@pilar/api/router';
import type { inferRouterInputs } from '@trpc/server';
import { useState } from 'react';
import { trpc } from '../../../trpc.ts';
import { SelectInput } from '../../fields/SelectInput.tsx';
import { useEditorText } from '../../useEditorText.ts';
import { type ClosingDay, type ClosingDays, germanDate } from './closing-days.ts';

type FederalState = inferRouterInputs<AppRouter>['settings']['holidays']['state'];

const STATE_KEY = 'pilar.holidayState';
const thisYear = new Date().getFullYear();
const YEARS = [thisYear, thisYear + 1, thisYear + 2];

interface HolidaySuggestionsProps {
  closingDays: ClosingDays;
  disabled: boolean;
  onAdd(holiday: ClosingDay): void;
}

/** The public holidays of a federal state, each to be added as a closing day with one click. */
export const HolidaySuggestions = ({ closingDays, disabled, onAdd }: HolidaySuggestionsProps) => {
  const t = useEditorText();
  const states = trpc.settings.federalStates.useQuery(undefined, { staleTime: Infinity });
  const [state, setState] = useState<FederalState>(
    () => (window.localStorage.getItem(STATE_KEY) as FederalState | null) ?? 'BE',
  );
  const [year, setYear] = useState(thisYear);
  const known = states.data ?? null;
  // A remembered state the server no longer knows falls back to Berlin.
  const chosen: FederalState = known && !(state in known) ? 'BE' : state;
  const holidays = trpc.settings.holidays.useQuery(
    { state: chosen, year },
    { staleTime: Infinity },
  );
  const taken = new Set(closingDays.map((day) => day.date));

  const chooseState = (code: string) => {
    if (!known || !(code in known)) return;
    window.localStorage.setItem(STATE_KEY, code);
    setState(code as FederalState);
  };

  return (
    <section className="ed-holidays" aria-labelledby="ed-holidays-title">
      <h3 id="ed-holidays-title">{t('holidaysTitle')}</h3>
      <p className="field-hint">{t('holidaysHint')}</p>
      <div className="ed-inline-fields">
        <SelectInput
          id="ed-holiday-state"
          label={t('federalState')}
          value={chosen}
          options={Object.entries(known ?? { [chosen]: chosen }).map(([code, name]) => ({
            value: code,
            label: name,
          }))}
          onChange={chooseState}
        />
        <SelectInput
          id="ed-holiday-year"
          label={t('year')}
          value={String(year)}
          options={YEARS.map((option) => ({ value: String(option), label: String(option) }))}
          onChange={(next) => setYear(Number(next))}
        />
      </div>
      {holidays.isPending && <p aria-busy="true">{t('loading')}</p>}
      {holidays.isError && <p className="field-error">{t('holidaysFailed')}</p>}
      {holidays.data && (
        <ul className="ed-holiday-list" aria-label={t('holidaysListLabel', { year })}>
          {holidays.data.map((holiday) => {
            const added = taken.has(holiday.date);
            const when = germanDate(holiday.date);
            return (
              <li key={holiday.date + holiday.label}>
                <span>
                  <span className="ed-holiday-date">{when}</span> {holiday.label}
                </span>
                <button
                  type="button"
                  className="button small secondary"
                  disabled={added || disabled}
                  aria-label={
                    added
                      ? t('holidayAlreadyAdded', { label: holiday.label, date: when })
                      : t('holidayAdd', { label: holiday.label, date: when })
                  }
                  onClick={() => onAdd({ date: holiday.date, label: holiday.label })}
                >
                  {added ? t('added') : t('add')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
};
