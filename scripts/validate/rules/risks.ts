/** Risk ratings lie on the register's scale, and mitigation does not leave a risk worse (a warning). */
import { rate, resolveScale, type Level } from '../../model/risk-scale.js';
import type { Rule } from '../context.js';

const allowed = (levels: Level[]) => levels.map((l) => `${l.code} (${l.label})`).join(', ');

export const checkRisks: Rule = (ctx) => {
  const register = ctx.data.risks;
  if (!register) return;
  const scale = resolveScale(register.scale);
  register.risks.forEach((r, i) => {
    let onScale = true;
    const check = (path: (string | number)[], field: string, value: string | number, levels: Level[]) => {
      if (levels.some((l) => l.code === String(value))) return;
      onScale = false;
      ctx.report('risk/off-scale', 'risks', ['risks', i, ...path], [r.id, field, String(value), allowed(levels)]);
    };
    check(['likelihood'], 'likelihood', r.likelihood, scale.likelihood);
    check(['impact'], 'impact', r.impact, scale.impact);
    if (r.residual) {
      check(['residual', 'likelihood'], 'residual likelihood', r.residual.likelihood, scale.likelihood);
      check(['residual', 'impact'], 'residual impact', r.residual.impact, scale.impact);
    }
    if (!onScale || !r.residual) return;
    const inherent = rate(scale, r.likelihood, r.impact)!;
    const residual = rate(scale, r.residual.likelihood, r.residual.impact)!;
    if (residual.severity > inherent.severity)
      ctx.report('risk/residual-worse', 'risks', ['risks', i, 'residual'], [r.id, inherent.label, residual.label]);
  });
};
