/** Turns the data of `type` at `fromVersion` into its shape at `fromVersion + 1`. */
export type Upcast = (data: unknown) => unknown;

/**
 * Old schema versions are upcast to the current shape when read, so deciders and projections
 * only know the current shape, and the stored event (and its hash) stays as it was written.
 */
export class Upcasters {
  private readonly steps = new Map<string, Map<number, Upcast>>();

  /** Registers the step from `fromVersion` to `fromVersion + 1` for `type`. */
  register(type: string, fromVersion: number, upcast: Upcast): this {
    const steps = this.steps.get(type) ?? new Map<number, Upcast>();
    steps.set(fromVersion, upcast);
    this.steps.set(type, steps);
    return this;
  }

  /** The version new events of `type` are written with. */
  currentVersion(type: string): number {
    const steps = this.steps.get(type);
    return steps ? Math.max(...steps.keys()) + 1 : 1;
  }

  upcast(type: string, schemaVersion: number, data: unknown): { schemaVersion: number; data: unknown } {
    const steps = this.steps.get(type);
    let version = schemaVersion;
    let current = data;
    for (let step = steps?.get(version); step; step = steps?.get(version)) {
      current = step(current);
      version += 1;
    }
    return { schemaVersion: version, data: current };
  }
}
