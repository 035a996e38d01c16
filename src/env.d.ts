declare module 'virtual:zongshu/data-set' {
  /** The data set being built or served: read at render time, as a build may run again in the same process with other data. */
  export function currentDataSet(): import('./lib/schema/dataSet.ts').DataSet;
}
