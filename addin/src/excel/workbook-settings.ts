// Non-secret choices that travel with the workbook: the council and period it is for, and the version
// of each return it last loaded or submitted (sent as If-Match). Never the token.

const CONTEXT_SETTING = 'SharedCdo.context';
const VERSIONS_SETTING = 'SharedCdo.versions';

export interface WorkbookChoices {
  council?: string;
  period?: string;
  /** `council/period` → the version this workbook last loaded or submitted. */
  versions: Record<string, number>;
}

const parseObject = (value: unknown): Record<string, unknown> => {
  if (typeof value !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
};

export const versionKey = (council: string, period: string): string => `${council}/${period}`;

export async function readWorkbookChoices(context: Excel.RequestContext): Promise<WorkbookChoices> {
  const settings = context.workbook.settings;
  const choices = settings.getItemOrNullObject(CONTEXT_SETTING);
  const versions = settings.getItemOrNullObject(VERSIONS_SETTING);
  choices.load('value');
  versions.load('value');
  await context.sync();
  const c = choices.isNullObject ? {} : parseObject(choices.value);
  const v = versions.isNullObject ? {} : parseObject(versions.value);
  return {
    ...(typeof c.council === 'string' ? { council: c.council } : {}),
    ...(typeof c.period === 'string' ? { period: c.period } : {}),
    versions: Object.fromEntries(
      Object.entries(v).filter((e): e is [string, number] => typeof e[1] === 'number'),
    ),
  };
}

/** Queues saving the choices (no sync); settings are saved with the workbook. */
export function queueWorkbookChoices(context: Excel.RequestContext, choices: WorkbookChoices): void {
  const settings = context.workbook.settings;
  settings.add(CONTEXT_SETTING, JSON.stringify({ council: choices.council, period: choices.period }));
  settings.add(VERSIONS_SETTING, JSON.stringify(choices.versions));
}

export async function saveWorkbookChoices(
  context: Excel.RequestContext,
  choices: WorkbookChoices,
): Promise<void> {
  queueWorkbookChoices(context, choices);
  await context.sync();
}
