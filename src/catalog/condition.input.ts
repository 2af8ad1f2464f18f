/** Arguments of the conditions connection: filter and order. */
import { ArgsType, Field, ID, InputType, registerEnumType } from "type-graphql";
import { ConditionCategory } from "../model/enums";
import { PageArgs } from "../pagination/page.args";
import { OrderDirection } from "../pagination/order.type";

export enum ConditionOrderField {
  NAME = "NAME",
  ID = "ID",
}
registerEnumType(ConditionOrderField, {
  name: "ConditionOrderField",
  description: "What to sort conditions by.",
  valuesConfig: { NAME: { description: "Clinical name." }, ID: { description: "Id." } },
});

@InputType("ConditionFilter", { description: "Restrict conditions; every given field must match." })
export class ConditionFilter {
  @Field(() => ID, { nullable: true, description: "Only conditions in this group (e.g. group:neuropathy)." })
  groupId?: string | null;

  @Field(() => ConditionCategory, { nullable: true, description: "Only conditions of this category." })
  category?: ConditionCategory | null;

  @Field(() => String, {
    nullable: true,
    description: "Text found in the name or a lay alias (case-insensitive).",
  })
  name?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "An ICD-10-CM code (any case, dot optional) or a SNOMED CT id.",
  })
  code?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Only conditions for which some guideline recommends this treatment.",
  })
  treatedWith?: string | null;
}

@InputType("ConditionOrder", { description: "How to sort conditions." })
export class ConditionOrder {
  @Field(() => ConditionOrderField, {
    defaultValue: ConditionOrderField.NAME,
    description: "Sort key; ties break by id.",
  })
  field!: ConditionOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: "Sort direction." })
  direction!: OrderDirection;
}

@ArgsType()
export class ConditionsArgs extends PageArgs {
  @Field(() => ConditionFilter, { nullable: true, description: "Restrict the conditions." })
  filter?: ConditionFilter | null;

  @Field(() => ConditionOrder, { nullable: true, description: "Sort order; by name ascending when omitted." })
  orderBy?: ConditionOrder | null;
}
