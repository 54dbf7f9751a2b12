/**
 * Preflight 1: the Mailbox table can take the Mailbox Health form. CanCreateForms is a BooleanManagedProperty of
 * EntityMetadata (https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.metadata.entitymetadata.cancreateforms); its
 * Value false means no new form can be created for the table, so the import would fail. The form also binds the
 * columns in MAILBOX_HEALTH_FORM.columns, the panel's one as a single line of text; a missing column fails the import.
 */
import { withRetry } from '../../diagnostics';
import { MAILBOX_HEALTH_FORM } from '../../tools/solution/components';
import { t } from '../text';
import { resultsFor, type PreflightContext, type PreflightResult } from './types';

export const ENTITY_DEFINITION_PATH = `EntityDefinitions(LogicalName='${MAILBOX_HEALTH_FORM.entity}')?$select=LogicalName,CanCreateForms&$expand=Attributes($select=LogicalName,AttributeType)`;

/** The column the panel binds (SingleLine.Email in the form); the control reads it as text. */
const PANEL_COLUMN = MAILBOX_HEALTH_FORM.columns[0];

interface EntityDefinition {
  CanCreateForms?: { Value?: unknown };
  Attributes?: { LogicalName?: unknown; AttributeType?: unknown }[];
}

export async function checkForm(context: PreflightContext): Promise<PreflightResult> {
  let answer: EntityDefinition | undefined;
  try {
    answer = (await withRetry(() => context.client.get(ENTITY_DEFINITION_PATH), context.retry)) as
      EntityDefinition | undefined;
  } catch (error) {
    if ((error as { status?: number }).status === 404) {
      return resultsFor('form')('import-fails', t('cli.preflight.form.noTable'), t('cli.preflight.form.noTableAction'));
    }
    throw error;
  }
  const canCreate = answer?.CanCreateForms?.Value;
  if (typeof canCreate !== 'boolean' || !Array.isArray(answer?.Attributes))
    throw new Error(t('cli.preflight.unexpectedAnswer', { call: 'EntityDefinitions' }));
  const types = new Map(answer.Attributes.map((a) => [String(a.LogicalName).toLowerCase(), String(a.AttributeType)]));
  const missing = MAILBOX_HEALTH_FORM.columns.filter((column) => !types.has(column));
  const details = {
    canCreateForms: canCreate,
    missingColumns: missing,
    panelColumnType: types.get(PANEL_COLUMN) ?? null,
  };
  const verdict = resultsFor('form', details);
  if (!canCreate) {
    return verdict('import-fails', t('cli.preflight.form.cannotCreate'), t('cli.preflight.form.cannotCreateAction'));
  }
  if (missing.length > 0) {
    return verdict(
      'import-fails',
      t('cli.preflight.form.missingColumns', { columns: missing.join(', ') }),
      t('cli.preflight.form.missingColumnsAction'),
    );
  }
  if (types.get(PANEL_COLUMN) !== 'String') {
    return verdict(
      'will-not-work',
      t('cli.preflight.form.panelColumnType', { column: PANEL_COLUMN, type: types.get(PANEL_COLUMN) ?? '' }),
      t('cli.preflight.form.panelColumnTypeAction'),
    );
  }
  return verdict('ok', t('cli.preflight.form.ok', { count: MAILBOX_HEALTH_FORM.columns.length }));
}
