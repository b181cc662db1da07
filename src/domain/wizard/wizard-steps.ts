/** The owner's eight private steps for letting a client go (PLAYBOOK.md §3), in order. */
export const wizardSteps = ["talk", "decide", "why", "next", "accounts", "record", "letgo", "learn"] as const;
export type WizardStepKey = (typeof wizardSteps)[number];

export const STEP_COUNT = wizardSteps.length;

/** Step numbers as the owner sees them: 1 … 8. */
export function isStepNumber(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1 && value <= STEP_COUNT;
}

export function stepKey(step: number): WizardStepKey {
  const key = wizardSteps[step - 1];
  if (!key) throw new RangeError(`no wizard step ${step}`);
  return key;
}
