import type { OtherReview } from '../../../shared/ipc/reviews';
import type { ReviewAnswers } from '../../../shared/rubric/answers';
import { scaleOptions, type Rubric } from '../../../shared/rubric/schema';
import { STATUS_TEXT } from './Queue';

function answerLabel(rubric: Rubric, scale: string, code: string | null): string {
  if (code === null) return '—';
  return scaleOptions(rubric, scale).find((o) => o.value === code)?.label ?? code;
}

const yesNo = (v: string | null) => (v === 'yes' ? 'Yes' : v === 'no' ? 'No' : '—');

/**
 * Double-scoring. While blind, it says only who else scores the incident and how far they are; the core sends no
 * answers. Once everyone has submitted it sets the answers side by side.
 */
export function OthersPanel({ rubric, mine, others, blind }: { rubric: Rubric; mine: ReviewAnswers; others: OtherReview[]; blind: boolean }) {
  if (others.length === 0) return null;
  const names = others.map((o) => `${o.displayName} (${STATUS_TEXT[o.status].text.toLowerCase()})`).join(', ');
  if (blind) {
    return (
      <section className="others panel" aria-labelledby="others-title">
        <h2 id="others-title">Double-scored incident</h2>
        <p>
          Also scored by {names}. Their answers stay hidden until all of you have submitted, so each judgement is made
          independently.
        </p>
      </section>
    );
  }
  const shown = others.filter((o): o is OtherReview & { answers: ReviewAnswers } => o.answers !== null);
  return (
    <section className="others panel" aria-labelledby="others-title">
      <h2 id="others-title">Answers side by side</h2>
      <p>Everyone assigned has submitted: {names}.</p>
      <table>
        <caption className="sr-only">Your answers and other reviewers' answers</caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">You</th>
            {shown.map((o) => (
              <th scope="col" key={o.reviewerId}>
                {o.displayName}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Scope</th>
            <td>{yesNo(mine.scope)}</td>
            {shown.map((o) => (
              <td key={o.reviewerId}>{yesNo(o.answers.scope)}</td>
            ))}
          </tr>
          {rubric.items.map((item) => {
            const m = answerLabel(rubric, item.scale, mine.items[item.id]?.answer ?? null);
            return (
              <tr key={item.id}>
                <th scope="row">Item {item.number}</th>
                <td>{m}</td>
                {shown.map((o) => {
                  const t = answerLabel(rubric, item.scale, o.answers.items[item.id]?.answer ?? null);
                  return (
                    <td key={o.reviewerId}>
                      {t}
                      {t !== m ? <strong className="differs"> (differs)</strong> : null}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          <tr>
            <th scope="row">Overall</th>
            <td>{answerLabel(rubric, rubric.overall.scale, mine.overall.answer)}</td>
            {shown.map((o) => (
              <td key={o.reviewerId}>{answerLabel(rubric, rubric.overall.scale, o.answers.overall.answer)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Escalation</th>
            <td>{mine.escalation.flag ? 'Raised' : 'No'}</td>
            {shown.map((o) => (
              <td key={o.reviewerId}>{o.answers.escalation.flag ? 'Raised' : 'No'}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
