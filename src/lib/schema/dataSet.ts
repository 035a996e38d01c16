import { z } from 'zod';
import { FigureSchema } from './figure.ts';
import { MetricSchema } from './metric.ts';
import { NarrativeSchema } from './narrative.ts';
import { ObservationSchema } from './observation.ts';
import { ProvinceSchema } from './province.ts';
import { SiteSettingsSchema } from './siteSettings.ts';
import { SourceSchema } from './source.ts';
import { UnitSchema } from './unit.ts';

/** Everything one build knows: the checked inputs and the figures derived from them. */
export const DataSetSchema = z.object({
  provinces: z.array(ProvinceSchema),
  units: z.array(UnitSchema),
  metrics: z.array(MetricSchema),
  sources: z.array(SourceSchema),
  observations: z.array(ObservationSchema),
  /** Reported and derived figures, sorted by province, unit, period, metric. */
  figures: z.array(FigureSchema),
  narratives: z.array(NarrativeSchema),
  site: SiteSettingsSchema,
});

export type DataSet = z.infer<typeof DataSetSchema>;
