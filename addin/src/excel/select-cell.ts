// Takes the user to a cell the pane lists: activates its sheet and selects it.

export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  address: string,
): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(address).select();
  await context.sync();
}
