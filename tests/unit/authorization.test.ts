import { getMetadataStorage } from "type-graphql";
import { Role, type Principal } from "../../src/auth/principal";
import { createSchema } from "../../src/schema";
import { authChecker } from "../../src/auth/auth-checker";

describe("authorization", () => {
  it("guards every mutation with @Authorized(CURATOR): adding one without it fails this test", async () => {
    const schema = await createSchema();
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(0);
    const storage = getMetadataStorage();
    const guarded = new Map(storage.authorizedFields.map((field) => [field.fieldName, field.roles]));
    const mutationMethods = storage.mutations.map((mutation) => mutation.schemaName);
    expect(mutationMethods.sort()).toEqual([...mutations].sort());
    for (const mutation of mutations)
      expect([mutation, guarded.get(mutation)]).toEqual([mutation, [Role.CURATOR]]);
  });

  it("answers UNAUTHENTICATED without a principal and FORBIDDEN without the role, and marks every answer private", async () => {
    const states: Array<{ privateAnswer?: boolean }> = [];
    const call = (principal: Principal | null) => {
      const state = {};
      states.push(state);
      return authChecker(
        { context: { principal: async () => principal, state }, root: {}, args: {}, info: {} as never },
        [Role.CURATOR],
      );
    };
    await expect(call(null)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    await expect(call({ name: "x", roles: [], method: "jwt" })).rejects.toMatchObject({
      extensions: { code: "FORBIDDEN" },
    });
    await expect(call({ name: "x", roles: [Role.CURATOR], method: "jwt" })).resolves.toBe(true);
    expect(states).toEqual([{ privateAnswer: true }, { privateAnswer: true }, { privateAnswer: true }]);
  });
});
