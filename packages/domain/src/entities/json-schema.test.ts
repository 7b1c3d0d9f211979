import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as entities from "./index";

/** The API publishes these shapes as OpenAPI/JSON Schema, so every one must render. */
describe("entity schemas render as JSON Schema", () => {
  const schemas = Object.entries(entities).filter(
    ([name, value]) => name.endsWith("Schema") && value instanceof z.ZodType,
  );

  it("finds the schemas", () => {
    expect(schemas.length).toBeGreaterThan(40);
  });

  for (const [name, schema] of schemas) {
    it(name, () => {
      for (const io of ["input", "output"] as const) {
        expect(z.toJSONSchema(schema as z.ZodType, { io })).toHaveProperty("$schema");
      }
    });
  }

  it("renders the normalising credit code in output mode too", () => {
    const json = z.toJSONSchema(entities.organizationSchema) as { properties: Record<string, unknown> };
    expect(json.properties.creditCode).toEqual({ type: "string" });
  });
});
