declare module 'virtual:zongshu/data-set' {
  const dataSet: import('./lib/schema/dataSet.ts').DataSet;
  export default dataSet;
}
