/** The last pure step of loading: figures are derived and the data set is checked as a whole. */
import { FigureIndex } from './aggregate/figureIndex.ts';
import { aggregateFigures } from './aggregate/figures.ts';
import { checkNarrativeFigures } from './checks/narrativeFigures.ts';
import { checkStatedRatios } from './checks/statedRatios.ts';
import type { Catalog } from './ingest/catalog.ts';
import type { DataSet } from './schema/dataSet.ts';
import type { Narrative } from './schema/narrative.ts';
import type { Observation } from './schema/observation.ts';
import type { Problem } from './schema/problem.ts';

export function assembleDataSet(
  catalog: Catalog,
  observations: readonly Observation[],
  narratives: readonly Narrative[],
): { dataSet: DataSet; problems: Problem[] } {
  const figures = aggregateFigures(observations, catalog.metrics);
  const index = new FigureIndex(figures);
  const problems = [
    ...checkStatedRatios(figures, index, catalog.metrics, observations),
    ...checkNarrativeFigures(narratives, index),
  ];
  return {
    dataSet: {
      provinces: catalog.provinces,
      units: catalog.units,
      metrics: catalog.metrics,
      sources: catalog.sources,
      observations: [...observations],
      figures,
      narratives: [...narratives],
    },
    problems,
  };
}
