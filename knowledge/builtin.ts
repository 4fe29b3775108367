/**
 * The built-in pack: curated by hand from the two seed documents in `shared/seeds/`, one data file per
 * seed. This file only lists them; their content is data (see README, "Pack format").
 */
import insuranceSupervisor from './builtin/insurance-cs-supervisor.json';
import seniorCsExam from './builtin/senior-cs-exam-2026.json';

export const BUILTIN_PACK_FILES: readonly { file: string; data: unknown }[] = [
  { file: 'knowledge/builtin/senior-cs-exam-2026.json', data: seniorCsExam },
  { file: 'knowledge/builtin/insurance-cs-supervisor.json', data: insuranceSupervisor },
];
