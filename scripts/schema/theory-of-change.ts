/** data/theory-of-change.yaml: the four-year theory of change. */
import { z } from 'zod';
import { FinancialYear, Id, schemaRef, Text } from './common.js';

export const TheoryOfChangeSchema = z.strictObject({
  $schema: schemaRef('theory-of-change'),
  problem: Text.meta({
    description: 'The problem the strategy sets out to solve, in a short paragraph: where the diagram starts.',
    examples: ['Harm is concentrated in a small number of places and among a small number of people.'],
  }),
  goal: Text.meta({
    description: 'The long-term goal at the end of the strategy: where the diagram ends.',
    examples: ['By March 2031 Northbridge has less serious violence and fewer victims of abuse.'],
  }),
  pathways: z
    .array(
      z.strictObject({
        id: Id.meta({ description: 'A short id for the pathway.', examples: ['pathway-violence'] }),
        title: Text.meta({
          description: 'The change the pathway makes, as a heading in the diagram.',
          examples: ['From reacting to violence to preventing it'],
        }),
        priority: Id.optional().meta({
          description: 'The id of the priority it belongs to.',
          examples: ['serious-violence'],
        }),
        preconditions: z
          .array(
            z.strictObject({
              year: FinancialYear.meta({ description: 'The financial year by whose end it must be true.' }),
              outcome: Text.meta({
                description: 'What must be true by then.',
                examples: ['Hospital, police and youth justice data are shared monthly.'],
              }),
              kpis: z
                .array(Id)
                .default([])
                .meta({ description: 'KPI ids that show this precondition has been reached.', examples: [['sv-01']] }),
              actions: z
                .array(Id)
                .default([])
                .meta({
                  description: 'Action ids (data/actions.yaml) that deliver this precondition.',
                  examples: [['sv-a1']],
                }),
            }),
          )
          .min(1)
          .meta({
            description: 'What must be true by the end of each year for the goal to be reached.',
            examples: [
              [
                {
                  year: '2027-28',
                  outcome: 'The four hotspots have agreed problem-solving plans.',
                  actions: ['sv-a1'],
                },
              ],
            ],
          }),
        interventions: z
          .array(Text)
          .min(1)
          .meta({
            description: 'What the partnership does along this pathway.',
            examples: [['Youth navigators in the emergency department and police custody']],
          }),
      }),
    )
    .min(1)
    .meta({
      description: 'The routes from the problem to the goal, one or more per priority, each year by year.',
      examples: [[{ id: 'pathway-violence', title: 'From reacting to violence to preventing it', preconditions: [] }]],
    }),
  assumptions: z
    .array(Text)
    .default([])
    .meta({
      description: 'What the theory of change takes for granted, printed under the diagram.',
      examples: [['Partners keep their current funding for the first two years']],
    }),
  evidence: z
    .array(
      z.strictObject({
        finding: Text.meta({
          description: 'What the research or data shows.',
          examples: ['Focused deterrence reduces group violence'],
        }),
        source: Text.meta({
          description: 'Where the finding comes from.',
          examples: ['College of Policing Crime Reduction Toolkit'],
        }),
      }),
    )
    .default([])
    .meta({
      description: 'The evidence the pathways rest on, each finding with its source.',
      examples: [[{ finding: 'Focused deterrence reduces group violence', source: 'College of Policing' }]],
    }),
});
export type TheoryOfChange = z.infer<typeof TheoryOfChangeSchema>;
