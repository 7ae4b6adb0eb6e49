import type { Declaration } from '@declaration';
import { describeDuration, LABELS } from '@declaration/present/index.ts';
import { useLocale } from '../i18n/index.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { Notes, Section, useText } from './common.tsx';

/** People's rights per legal regime, and how to exercise them. */
export function Rights({ declaration }: { declaration: Declaration }) {
  const { t } = useLocale();
  const text = useText();
  const rights = declaration.rights;
  return (
    <Section id="rights" title={t.sections.rights}>
      {rights.regimes.map((regime, index) => (
        <div key={index} className="regime">
          <h3>{LABELS.regime[regime.regime]}</h3>
          {regime.appliesTo && <p>{t.rights.appliesTo(text(regime.appliesTo))}</p>}
          <ul>
            {regime.rights.map((right, rightIndex) => (
              <li key={rightIndex}>
                <strong>{LABELS.right[right.right]}</strong>
                {right.description && <>: {text(right.description)}</>}
              </li>
            ))}
          </ul>
          <Notes notes={regime.notes} />
        </div>
      ))}
      <h3>{t.rights.howToExercise}</h3>
      <p>{text(rights.howToExercise)}</p>
      {rights.contact && (
        <p>
          {t.rights.contact}: <ExternalLink href={rights.contact} testId="rights-contact" />
        </p>
      )}
      {(rights.responseTime || rights.responseTimeDescription) && (
        <p>
          {rights.responseTime && t.rights.responseTime(describeDuration(rights.responseTime))}
          {rights.responseTime && rights.responseTimeDescription && '. '}
          {text(rights.responseTimeDescription)}
        </p>
      )}
      {rights.complaints && (
        <>
          <h3>{t.rights.complaints}</h3>
          <p>{text(rights.complaints)}</p>
        </>
      )}
      <Notes notes={rights.notes} />
    </Section>
  );
}
