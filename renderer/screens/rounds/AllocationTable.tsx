import type { AllocationRow } from '../../../shared/ipc/rounds';
import { weight } from './format';
import { ScrollBox } from './ScrollBox';

/** Per stratum: incidents in the frame (N_h), drawn (n_h) and the design weight N_h/n_h estimates use. */
export function AllocationTable({ caption, rows }: { caption: string; rows: readonly AllocationRow[] }) {
  const total = rows.reduce((t, r) => ({ population: t.population + r.population, sample: t.sample + r.sample }), { population: 0, sample: 0 });
  return (
    <ScrollBox label={caption}>
      <table className="round-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Stratum</th>
            <th scope="col" className="num">
              In frame (N<sub>h</sub>)
            </th>
            <th scope="col" className="num">
              Sampled (n<sub>h</sub>)
            </th>
            <th scope="col" className="num">
              Weight (N<sub>h</sub>/n<sub>h</sub>)
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.stratum}>
              <th scope="row">{r.stratum}</th>
              <td className="num">{r.population.toLocaleString('en-GB')}</td>
              <td className="num">{r.sample.toLocaleString('en-GB')}</td>
              <td className="num">{weight(r.weight)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="num">{total.population.toLocaleString('en-GB')}</td>
            <td className="num">{total.sample.toLocaleString('en-GB')}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </ScrollBox>
  );
}
