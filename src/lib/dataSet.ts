/** The last pure step of loading: figures are derived and the data set is checked as a whole. */
import { figureIndexOf } from './aggregate/figureIndex.ts';
import { aggregateFigures } from './aggregate/figures.ts';
import { checkNarrativeFigures } from './checks/narrativeFigures.ts';
import { checkMeasureWords } from './checks/measureWords.ts';
import { checkNarrativeNumbers } from './checks/narrativeNumbers.ts';
import { checkPartsAndWholes } from './checks/partsAndWholes.ts';
import { checkStatedParts } from './checks/statedParts.ts';
import { checkStatedRatios } from './checks/statedRatios.ts';
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
): { dataSet: DataSet; problems: Problem[] } {
  const figures = aggregateFigures(observations, catalog.metrics);
  const index = figureIndexOf(figures);
  const metrics = new Map(catalog.metrics.map((m) => [m.id, m]));
  const problems = [
    ...checkStatedRatios(figures, index, catalog.metrics, observations),
    ...checkPartsAndWholes(figures, index, catalog.metrics, observations),
    ...checkMeasureWords(observations, metrics),
    ...checkStatedParts(observations, metrics),
    ...checkNarrativeFigures(narratives, index, rowsById(observations)),
    ...checkNarrativeNumbers(narratives, index, catalog.metrics),
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
