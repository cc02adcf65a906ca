/**
 * User story: on the airline map the bag drop at the airport desk concerns the family only; a
 * consultant reads the cost model and the KPIs for Marco, the business traveller (strategy
 * panel, "Persona"): the desk and the KPI watching it are not his, the totals are his channels'.
 */
import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import { expectNoA11yViolations } from './support/axe';

test('the cost model and the KPIs read per persona', async ({ page }) => {
  const editor = new EditorPage(page);
  await editor.createMap('Airline', 'Airline per persona');
  await editor.button('Grid').click();
  await page.getByRole('button', { name: /^Drops the bag and asks about the delay ,/ }).click();
  await page
    .getByRole('group', { name: 'Concerns' })
    .getByRole('checkbox', { name: 'Marco Ferri' })
    .uncheck();
  await page.keyboard.press('Escape');

  await editor.button('Strategy').click();
  const panel = page.getByRole('complementary', { name: 'Strategy' });
  const cost = panel.locator('.cost-model');
  // 20,000 calls at €6, and 1,000 desk contacts at the phone's cost: €126,000 a month.
  await cost.getByRole('spinbutton', { name: 'Monthly contacts of Airport desk' }).fill('1000');
  await expect(cost.getByTestId('cost-today')).toHaveText('€126,000');
  const persona = cost.getByRole('combobox', { name: 'Persona' });
  await expect(persona).toHaveValue('');
  await persona.selectOption({ label: 'Marco Ferri' });
  await expect(cost.getByTestId('cost-persona-hint')).toContainText('Channels Marco Ferri uses');
  await expect(
    cost.getByRole('spinbutton', { name: 'Monthly contacts of Airport desk' }),
  ).toHaveCount(0);
  await expect(
    cost.getByRole('spinbutton', { name: 'Monthly contacts of Call centre' }),
  ).toHaveCount(1);
  // Marco's channels: the call centre's 20,000 calls at €6, not the desk.
  await expect(cost.getByTestId('cost-today')).toHaveText('€120,000');
  await expectNoA11yViolations(page, 'cost model read for a persona', { include: '.cost-model' });
  await cost.screenshot({ path: 'test-results/cost-persona.png' });

  // KPIs: a new one watching the desk is the family's, not Marco's.
  const kpis = panel.getByRole('region', { name: /^\d\. KPIs/ });
  const kpiPersona = kpis.getByRole('combobox', { name: 'Persona' });
  await expect(kpiPersona).toHaveValue('persona-business'); // one reading for the whole panel
  await expect(kpis.getByTestId('kpi-persona-hint')).toHaveText(/^3 of 3 KPIs concern Marco Ferri/);
  await kpiPersona.selectOption({ label: 'All personas' });
  await kpis.getByRole('button', { name: 'Add custom KPI: Service' }).click();
  const card = kpis.getByRole('group', { name: 'New KPI' });
  await card.getByRole('textbox', { name: 'KPI' }).fill('Desk queue');
  await kpis
    .getByRole('group', { name: 'Desk queue' })
    .getByRole('checkbox', { name: 'Desk queue watches Airport desk' })
    .check();
  await kpiPersona.selectOption({ label: 'Marco Ferri' });
  await expect(kpis.getByTestId('kpi-persona-hint')).toHaveText(/^3 of 4 KPIs concern Marco Ferri/);
  await expect(kpis.getByRole('group', { name: 'Desk queue' })).toHaveCount(0);
  await kpiPersona.selectOption({ label: 'The Bianchi family' });
  await expect(kpis.getByTestId('kpi-persona-hint')).toHaveText(
    /^4 of 4 KPIs concern The Bianchi family/,
  );
  await expect(kpis.getByRole('group', { name: 'Desk queue' })).toBeVisible();
  await expectNoA11yViolations(page, 'KPIs read for a persona', { include: '.strategy-panel' });
  await kpis.screenshot({ path: 'test-results/kpis-persona.png' });
  // The persona deleted: all personas again.
  await kpiPersona.selectOption({ label: 'Marco Ferri' });
  await editor.button('Canvas').click();
  await editor.button('Personas').click();
  await page
    .getByRole('complementary', { name: /^Personas$/ })
    .getByRole('button', { name: 'Delete Marco Ferri' })
    .click();
  await expect(kpiPersona).toHaveValue('');
  await expect(kpis.getByTestId('kpi-persona-hint')).toHaveCount(0);
});
