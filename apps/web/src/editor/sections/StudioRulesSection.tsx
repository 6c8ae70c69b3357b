import { STUDIO_RULE_MAX_LENGTH, STUDIO_RULES_MAX_COUNT } from '@pilar/provisioning/contracts';
import { useEffect, useState } from 'react';
import { FieldError } from '../../ui/FieldError.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { CharacterCounter } from '../fields/CharacterCounter.tsx';
import { moveItem, useListKeys } from '../fields/useListKeys.ts';
import { useEditorText } from '../useEditorText.ts';
import type { SectionProps } from './section-props.ts';

const ruleId = (index: number) => `f-rule-${index}`;

/** Rules as an ordered list: add, edit, delete and move with buttons (no dragging needed). */
export const StudioRulesSection = ({
  value: rules,
  onChange,
  errors,
}: SectionProps<'studioRules'>) => {
  const t = useEditorText();
  const list = useListKeys(rules.length);
  const [announcement, setAnnouncement] = useState('');
  // The element to focus once the list has re-rendered after a button changed it.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const add = () => {
    onChange([...rules, '']);
    list.added();
    setFocusTarget(ruleId(rules.length));
    setAnnouncement(t('ruleAdded', { position: rules.length + 1 }));
  };

  const remove = (index: number) => {
    onChange(rules.filter((_, at) => at !== index));
    list.removed(index);
    const remaining = rules.length - 1;
    setFocusTarget(remaining === 0 ? 'ed-add-rule' : ruleId(Math.min(index, remaining - 1)));
    setAnnouncement(t('ruleDeleted', { position: index + 1 }));
  };

  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    onChange(moveItem(rules, index, to));
    list.moved(index, to);
    // Keep the cursor on the same button, now on the rule's new row (or its other button at
    // the end of the list, where this one is disabled).
    const atEdge = to === 0 || to === rules.length - 1;
    const direction = atEdge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down';
    setFocusTarget(`ed-rule-${to}-${direction}`);
    setAnnouncement(t('ruleMoved', { from: index + 1, to: to + 1 }));
  };

  const full = rules.length >= STUDIO_RULES_MAX_COUNT;
  return (
    <>
      <p id="ed-rules-count" className="field-hint">
        {t('rulesCount', { count: rules.length, max: STUDIO_RULES_MAX_COUNT })}
      </p>
      <FieldError message={errors['']} />
      <ol className="ed-rules">
        {rules.map((rule, index) => {
          const position = index + 1;
          const id = ruleId(index);
          return (
            <li key={list.keys[index]} className="ed-rule">
              <TextField
                id={id}
                label={t('ruleLabel', { position })}
                value={rule}
                onChange={(event) =>
                  onChange(rules.map((item, at) => (at === index ? event.target.value : item)))
                }
                error={errors[`${index}`]}
                after={
                  <CharacterCounter
                    id={`${id}-after`}
                    length={rule.length}
                    max={STUDIO_RULE_MAX_LENGTH}
                  />
                }
              />
              <div className="ed-row-actions">
                <button
                  id={`ed-rule-${index}-up`}
                  type="button"
                  className="button small"
                  disabled={index === 0}
                  aria-label={t('ruleMoveUp', { position })}
                  onClick={() => move(index, -1)}
                >
                  <span aria-hidden="true">↑ </span>
                  {t('moveUp')}
                </button>
                <button
                  id={`ed-rule-${index}-down`}
                  type="button"
                  className="button small"
                  disabled={index === rules.length - 1}
                  aria-label={t('ruleMoveDown', { position })}
                  onClick={() => move(index, 1)}
                >
                  <span aria-hidden="true">↓ </span>
                  {t('moveDown')}
                </button>
                <button
                  type="button"
                  className="button small danger"
                  aria-label={t('ruleDelete', { position })}
                  onClick={() => remove(index)}
                >
                  {t('delete')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        id="ed-add-rule"
        type="button"
        className="button secondary"
        disabled={full}
        aria-describedby="ed-rules-count"
        onClick={add}
      >
        {t('addRule')}
      </button>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
};
