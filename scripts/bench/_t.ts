import { writeSyntheticParquet } from './synthetic-parquet.ts';
const t = performance.now();
console.log(await writeSyntheticParquet('public/data', process.argv[2], Number(process.argv[3])), performance.now() - t);
