/** The last pure step of loading: figures are derived and the data set is checked as a whole. */
import { figureIndexOf } from './aggregate/figureIndex.ts';
import { aggregateFigures } from './aggregate/figures.ts';
import { checkNarrativeFigures } from './checks/narrativeFigures.ts';
import { checkByGroup, type GroupCheckCache } from './checks/groupChecks.ts';
import { checkNarrativeNumbers } from './checks/narrativeNumbers.ts';
import { zhNamesOf } from './checks/zhNames.ts';
import type { Catalog } from './ingest/catalog.ts';
import { rowsById } from './narrativeFigure.ts';
import { tableSourcePrefix } from './ingest/tableSource.ts';
import type { DataSet } from './schema/dataSet.ts';
import type { Narrative } from './schema/narrative.ts';
import type { Observation } from './schema/observation.ts';
import type { Problem } from './schema/problem.ts';
import type { SiteSettings } from './schema/siteSettings.ts';

export function assembleDataSet(
  catalog: Catalog,
  observations: readonly Observation[],
  narratives: readonly Narrative[],
  site: SiteSettings = { synthetic: false, notice: '' },
  /** Problems of the rows' checks kept by earlier builds, by province (checks/groupChecks.ts). */
  checks?: GroupCheckCache,
): { dataSet: DataSet; problems: Problem[] } {
  const figures = aggregateFigures(observations, catalog.metrics);
  const index = figureIndexOf(figures);
  // The Chinese words of the checks name provinces, units and metrics by their names.
  const names = zhNamesOf(catalog);
  const problems = [
    ...checkByGroup(figures, index, catalog.metrics, observations, names, checks),
    ...checkNarrativeFigures(narratives, index, rowsById(observations), names),
    ...checkNarrativeNumbers(narratives, index, catalog.metrics, names),
  ];
  // A unit-return table's own source is listed only when its rows are used.
  const used = new Set(observations.map((o) => o.source));
  return {
    dataSet: {
      provinces: catalog.provinces,
      units: catalog.units,
      metrics: catalog.metrics,
      sources: catalog.sources.filter((s) => !s.id.startsWith(tableSourcePrefix) || used.has(s.id)),
      observations: [...observations],
      figures,
      narratives: [...narratives],
      site,
    },
    problems,
  };
}
