// The order of the test files a mutant reruns (npm run mutate). Vitest's own order puts the longest
// files first, which suits a whole-suite run on many workers; Stryker runs a mutant's covering tests
// on one worker and stops at the first failure (bail), so the quick files go first: a mutant that a
// unit test kills is done before any integration file starts its endpoint. Files vitest has not
// timed yet are ordered unit before integration, then smaller before larger.
import * as fs from "node:fs";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const integration = /[\\/]test[\\/]integration[\\/]/;

export default class QuickFirstSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cost = (spec: TestSpecification): [number, number, number] => {
      const key = `${spec.project.name}:${spec.moduleId.slice(this.ctx.config.root.length + 1)}`;
      const timed = this.ctx.cache.getFileTestResults(key);
      const size = fs.statSync(spec.moduleId).size;
      return [integration.test(spec.moduleId) ? 1 : 0, timed?.duration ?? Number.MAX_SAFE_INTEGER, size];
    };
    const costs = new Map(files.map((f) => [f, cost(f)]));
    return Promise.resolve(
      [...files].sort((a, b) => {
        const [ka, kb] = [costs.get(a) ?? [0, 0, 0], costs.get(b) ?? [0, 0, 0]];
        return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
      }),
    );
  }
}
