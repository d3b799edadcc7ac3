/**
 * The `.iam` grammar: a chevrotain `CstParser`, grammar only. Meaning comes from
 * compiler/syntax/dsl/cst-to-ast.ts, the one module that reads the CST.
 *
 * Where a word may be either a keyword or a name (keywords are soft, see keywords.ts), the
 * alternatives that start with the keyword come first and the alternation ignores the
 * ambiguity: chevrotain takes the first alternative whose lookahead matches.
 */
import { CstParser, EOF, tokenMatcher, type CstNode, type ILexingError, type IRecognitionException, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import { allTokens, Comma, Equals, iamLexer, Identifier, K, LCurly, LSquare, Name, RCurly, RSquare, Str } from './tokens.js';
import { OPTION_WORDS, TARGETLESS } from './pattern-forms.js';

const TARGETLESS_GRANTS: ReadonlySet<string> = new Set(TARGETLESS);

/** A word token's text as written, without the quotes of a string. */
function wordText(token: IToken): string {
  return tokenMatcher(token, Str) ? token.image.replace(/^"|"$/g, '') : token.image;
}

/**
 * Parse errors carry their facts as JSON in the exception message, so the front end can word
 * them in the project's voice and suggest keywords without re-deriving what was expected.
 */
export interface SyntaxErrorFacts {
  readonly kind: 'mismatch' | 'no-alternative' | 'early-exit' | 'not-all-input';
  /** Token type names that would have been accepted here (first tokens of each path). */
  readonly expected: readonly string[];
  readonly rule: string;
  readonly previous?: string;
}

function firstTokens(paths: TokenType[][][] | TokenType[][]): string[] {
  const names = new Set<string>();
  const visit = (path: TokenType[]) => {
    const first = path[0];
    if (first !== undefined) names.add(first.name);
  };
  for (const entry of paths) {
    if (entry.length > 0 && Array.isArray(entry[0])) for (const path of entry as TokenType[][]) visit(path);
    else visit(entry as TokenType[]);
  }
  return [...names];
}

const previousImage = (token: IToken | undefined) => (token === undefined || token.tokenType === EOF || token.image === '' ? undefined : token.image);

const factsProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, previous, ruleName }) =>
    JSON.stringify({ kind: 'mismatch', expected: [expected.name], rule: ruleName, previous: previousImage(previous) } satisfies SyntaxErrorFacts),
  buildNotAllInputParsedMessage: ({ ruleName }) => JSON.stringify({ kind: 'not-all-input', expected: [], rule: ruleName } satisfies SyntaxErrorFacts),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, previous, ruleName }) =>
    JSON.stringify({ kind: 'no-alternative', expected: firstTokens(expectedPathsPerAlt), rule: ruleName, previous: previousImage(previous) } satisfies SyntaxErrorFacts),
  buildEarlyExitMessage: ({ expectedIterationPaths, previous, ruleName }) =>
    JSON.stringify({ kind: 'early-exit', expected: firstTokens(expectedIterationPaths), rule: ruleName, previous: previousImage(previous) } satisfies SyntaxErrorFacts),
};

class IamParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 2, nodeLocationTracking: 'full', errorMessageProvider: factsProvider });
    this.performSelfAnalysis();
  }

  file = this.RULE('file', () => {
    this.MANY(() => this.SUBRULE(this.declaration));
  });

  declaration = this.RULE('declaration', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.accountDecl) },
      { ALT: () => this.SUBRULE(this.regionDecl) },
      { ALT: () => this.SUBRULE(this.roleDecl) },
      { ALT: () => this.SUBRULE(this.boundaryDecl) },
      { ALT: () => this.SUBRULE(this.guardrailDecl) },
      { ALT: () => this.SUBRULE(this.permissionSetDecl) },
      { ALT: () => this.SUBRULE(this.analyzerDecl) },
      { ALT: () => this.SUBRULE(this.identityCenterDecl) },
    ]);
  });

  /** A name or a string: both are words; the string's text is its value. */
  word = this.RULE('word', () => {
    this.OR([{ ALT: () => this.CONSUME(Name) }, { ALT: () => this.CONSUME(Str) }]);
  });

  /** One word, or `[a, b, …]` (possibly empty). */
  words = this.RULE('words', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.word) },
      {
        ALT: () => {
          this.CONSUME(LSquare);
          this.OPTION(() => {
            this.SUBRULE2(this.word, { LABEL: 'item' });
            this.MANY(() => {
              this.CONSUME(Comma);
              this.SUBRULE3(this.word, { LABEL: 'item' });
            });
          });
          this.CONSUME(RSquare);
        },
      },
    ]);
  });

  accountDecl = this.RULE('accountDecl', () => {
    this.CONSUME(K.account);
    this.SUBRULE(this.word, { LABEL: 'name' });
    this.CONSUME(Equals);
    this.SUBRULE2(this.word, { LABEL: 'id' });
  });

  regionDecl = this.RULE('regionDecl', () => {
    this.CONSUME(K.region);
    this.SUBRULE(this.word, { LABEL: 'region' });
  });

  /** `identity-center region eu-west-1`: the home region, part of every Identity Center role's path. */
  identityCenterDecl = this.RULE('identityCenterDecl', () => {
    this.CONSUME(K['identity-center']);
    this.CONSUME(K.region);
    this.SUBRULE(this.word, { LABEL: 'region' });
  });

  roleDecl = this.RULE('roleDecl', () => {
    this.CONSUME(K.role);
    this.SUBRULE(this.word, { LABEL: 'name' });
    this.CONSUME(K.for);
    this.SUBRULE(this.principal);
    this.CONSUME(K.in);
    this.SUBRULE2(this.word, { LABEL: 'account' });
    this.OPTION(() => {
      this.CONSUME(K['bounded-by']);
      this.SUBRULE3(this.word, { LABEL: 'boundary' });
    });
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.roleItem));
    this.CONSUME(RCurly);
  });

  principal = this.RULE('principal', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.lambda);
          this.SUBRULE(this.word, { LABEL: 'function' });
          this.OPTION(() => this.SUBRULE(this.because));
        },
      },
      { ALT: () => this.CONSUME(K.ec2) },
      { ALT: () => this.CONSUME(K['ecs-task']) },
      { ALT: () => this.CONSUME(K['ecs-execution']) },
      {
        ALT: () => {
          this.CONSUME(K.github);
          this.SUBRULE2(this.word, { LABEL: 'repo' });
          // Several refs of one repository, meaning OR: `branch "main", environment "production"`.
          this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.githubRef) });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K['azure-devops']);
          this.AT_LEAST_ONE_SEP2({ SEP: Comma, DEF: () => this.SUBRULE3(this.word, { LABEL: 'connection' }) });
          this.CONSUME(K['organization-id']);
          this.SUBRULE4(this.word, { LABEL: 'organizationId' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.role);
          this.SUBRULE5(this.word, { LABEL: 'role' });
          this.CONSUME(K.in);
          this.SUBRULE6(this.word, { LABEL: 'account' });
          this.SUBRULE(this.trustOptions);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.account);
          this.SUBRULE7(this.word, { LABEL: 'account' });
          this.SUBRULE2(this.trustOptions);
          this.OPTION2(() => this.SUBRULE2(this.because));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.service);
          this.SUBRULE8(this.word, { LABEL: 'host' });
        },
      },
      { ALT: () => this.SUBRULE(this.ssoPrincipal) },
    ]);
  });

  /** `sso permission-set "Admin" in security`: the role Identity Center creates for that set in that account. */
  ssoPrincipal = this.RULE('ssoPrincipal', () => {
    this.CONSUME(K.sso);
    this.CONSUME(K['permission-set']);
    this.SUBRULE(this.word, { LABEL: 'permissionSet' });
    this.CONSUME(K.in);
    this.SUBRULE2(this.word, { LABEL: 'account' });
  });

  /** `[external-id "x"] [mfa]` after a role or account principal. */
  trustOptions = this.RULE('trustOptions', () => {
    this.OPTION(() => {
      this.CONSUME(K['external-id']);
      this.SUBRULE(this.word, { LABEL: 'externalId' });
    });
    this.OPTION2(() => this.CONSUME(K.mfa));
  });

  githubRef = this.RULE('githubRef', () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(K.branch) }, { ALT: () => this.CONSUME(K.environment) }, { ALT: () => this.CONSUME(K.tag) }]);
          this.SUBRULE(this.word, { LABEL: 'value' });
        },
      },
      { ALT: () => this.CONSUME(K['pull-request']) },
    ]);
  });

  roleItem = this.RULE('roleItem', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.SUBRULE(this.setting) },
        { ALT: () => this.SUBRULE(this.managedPolicy) },
        { ALT: () => this.SUBRULE(this.rawStatement) },
        { GATE: () => this.verbFollows(), ALT: () => this.SUBRULE(this.grant) },
      ],
    });
  });

  /**
   * `managed-policy "SecurityAudit" [because "…"]` or `customer-managed "NAME" [path "/p/"] [because "…"]`,
   * on a role or a permission set: administrator-equivalent policies need a reason.
   */
  managedPolicy = this.RULE('managedPolicy', () => {
    this.OR([{ ALT: () => this.CONSUME(K['managed-policy']) }, { ALT: () => this.CONSUME(K['customer-managed']) }]);
    this.SUBRULE(this.word, { LABEL: 'policy' });
    this.OPTION(() => {
      this.CONSUME(K.path);
      this.SUBRULE2(this.word, { LABEL: 'path' });
    });
    this.OPTION2(() => this.SUBRULE(this.because));
  });

  setting = this.RULE('setting', () => {
    this.OR([{ ALT: () => this.CONSUME(K['max-session']) }, { ALT: () => this.CONSUME(K.path) }, { ALT: () => this.CONSUME(K.description) }]);
    this.SUBRULE(this.word, { LABEL: 'value' });
  });

  /**
   * `VERB SERVICE TYPE [TARGETS] [OPTION VALUE …] [in ACCOUNT] [to SERVICE] [when …] [because …]`.
   * Targets are required except for a targetless pattern (`write xray traces`), which must never
   * read the next line's grant as its target; the tables the gates read are generated from the stdlib.
   */
  grant = this.RULE('grant', () => {
    this.SUBRULE(this.word, { LABEL: 'verb' });
    this.SUBRULE2(this.word, { LABEL: 'service' });
    this.SUBRULE3(this.word, { LABEL: 'resourceType' });
    this.OR([
      // A grant of a targetless pattern takes a target only when one is plainly written on its line
      // (a string or a list; resolve reports it), so what follows on the next line is the next grant.
      { GATE: () => this.targetless(), ALT: () => this.OPTION({ GATE: () => this.writtenTarget(), DEF: () => this.SUBRULE(this.words, { LABEL: 'targets' }) }) },
      { ALT: () => this.SUBRULE2(this.words, { LABEL: 'targets' }) },
    ]);
    this.MANY({ GATE: () => this.optionFollows(), DEF: () => this.SUBRULE(this.grantOption) });
    this.OPTION2(() => {
      this.CONSUME(K.in);
      this.SUBRULE4(this.word, { LABEL: 'account' });
    });
    this.OPTION3(() => {
      this.CONSUME(K.to);
      this.SUBRULE5(this.word, { LABEL: 'to' });
    });
    this.OPTION4(() => this.SUBRULE(this.when));
    this.OPTION5(() => this.SUBRULE(this.because));
  });

  /** `family "web-task"`: a clause a pattern declares; resolve checks the word against the pattern. */
  grantOption = this.RULE('grantOption', () => {
    this.CONSUME(Name, { LABEL: 'option' });
    this.SUBRULE(this.word, { LABEL: 'value' });
  });

  /**
   * `in` never starts a grant: after a statement that takes no `in ACCOUNT` (a raw `allow … on …`)
   * it would otherwise be read as the verb of a grant `in prod because …`, and the mistake reported
   * as an unknown service. Stopped here, it is a stray word at its place (IAM1221).
   */
  private verbFollows(): boolean {
    return !tokenMatcher(this.LA(1), K.in);
  }

  /** Whether the three tokens just read (`VERB SERVICE TYPE`) name a pattern that takes no target. */
  private targetless(): boolean {
    return TARGETLESS_GRANTS.has([this.LA(-2), this.LA(-1), this.LA(0)].map(wordText).join(' '));
  }

  /** A string or a list on the line of the word just read: a target written where none is taken. */
  private writtenTarget(): boolean {
    const next = this.LA(1);
    return (tokenMatcher(next, Str) || next.tokenType === LSquare) && next.startLine === this.LA(0).endLine;
  }

  /**
   * An option clause starts with a word some pattern declares as an option (grammar/pattern-forms.ts,
   * generated from the stdlib); any other word after the targets is the next statement, or a stray
   * word the parser reports where it stands.
   */
  private optionFollows(): boolean {
    const next = this.LA(1);
    return next.tokenType === Identifier && Object.hasOwn(OPTION_WORDS, next.image);
  }

  rawStatement = this.RULE('rawStatement', () => {
    this.OR([{ ALT: () => this.CONSUME(K.allow) }, { ALT: () => this.CONSUME(K.deny) }]);
    this.SUBRULE(this.words, { LABEL: 'actions' });
    this.CONSUME(K.on);
    this.SUBRULE2(this.words, { LABEL: 'resources' });
    this.OPTION(() => this.SUBRULE(this.when));
    this.OPTION2(() => this.SUBRULE(this.because));
  });

  /** `when COND and COND …`: `and` between conditions keeps a long line readable aloud. */
  when = this.RULE('when', () => {
    this.CONSUME(K.when);
    this.SUBRULE(this.condition);
    this.MANY(() => {
      this.CONSUME(K.and);
      this.SUBRULE2(this.condition);
    });
  });

  condition = this.RULE('condition', () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(K['vpc-endpoint']) },
            { ALT: () => this.CONSUME(K['source-ip']) },
            { ALT: () => this.CONSUME(K.org) },
            { ALT: () => this.CONSUME(K['principal-org']) },
          ]);
          this.SUBRULE(this.word, { LABEL: 'value' });
        },
      },
      { ALT: () => this.CONSUME(K.mfa) },
      {
        ALT: () => {
          this.CONSUME(K.without);
          this.CONSUME2(K.mfa);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.tag);
          this.SUBRULE2(this.word, { LABEL: 'key' });
          this.CONSUME(Equals);
          this.SUBRULE3(this.word, { LABEL: 'tagValue' });
        },
      },
    ]);
  });

  because = this.RULE('because', () => {
    this.CONSUME(K.because);
    this.SUBRULE(this.word, { LABEL: 'reason' });
  });

  boundaryDecl = this.RULE('boundaryDecl', () => {
    this.CONSUME(K.boundary);
    this.SUBRULE(this.word, { LABEL: 'name' });
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.boundaryItem));
    this.CONSUME(RCurly);
  });

  boundaryItem = this.RULE('boundaryItem', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.SUBRULE(this.allowServices) },
        {
          ALT: () => {
            this.CONSUME(K.delegate);
            this.CONSUME(K['role-creation']);
          },
        },
        { ALT: () => this.SUBRULE(this.rawStatement) },
      ],
    });
  });

  allowServices = this.RULE('allowServices', () => {
    this.CONSUME(K.allow);
    this.CONSUME(K.services);
    this.SUBRULE(this.words, { LABEL: 'services' });
  });

  guardrailDecl = this.RULE('guardrailDecl', () => {
    this.CONSUME(K.guardrail);
    this.SUBRULE(this.word, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(K['attach-to']);
      this.SUBRULE(this.attachTarget);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.attachTarget);
      });
    });
    this.CONSUME(LCurly);
    this.MANY2(() => this.SUBRULE(this.guardItem));
    this.CONSUME(RCurly);
  });

  attachTarget = this.RULE('attachTarget', () => {
    this.OR([
      { ALT: () => this.CONSUME(K.root) },
      {
        ALT: () => {
          this.CONSUME(K.ou);
          this.SUBRULE(this.word, { LABEL: 'id' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.account);
          this.SUBRULE2(this.word, { LABEL: 'id' });
        },
      },
    ]);
  });

  /** `deny WORD on …` is the escape hatch; `deny WORD` alone names a stdlib guardrail. */
  guardItem = this.RULE('guardItem', () => {
    this.OR({
      // Three tokens tell `deny "a:B" on …` from `deny root-user`; only this choice needs them,
      // and a global lookahead of 3 makes the grammar analysis noticeably slower.
      MAX_LOOKAHEAD: 3,
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.SUBRULE(this.rawStatement) },
        {
          ALT: () => {
            this.OR2([{ ALT: () => this.CONSUME(K.deny) }, { ALT: () => this.CONSUME(K.protect) }]);
            this.SUBRULE(this.word, { LABEL: 'rule' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.restrict);
            this.CONSUME(K.regions);
            this.SUBRULE(this.words, { LABEL: 'regions' });
            this.OPTION(() => {
              this.CONSUME(K.except);
              this.SUBRULE2(this.words, { LABEL: 'except' });
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(K.exempt);
            this.OR3([
              {
                ALT: () => {
                  this.CONSUME(K.role);
                  this.SUBRULE2(this.word, { LABEL: 'exempt' });
                },
              },
              {
                ALT: () => {
                  this.CONSUME(K['permission-set']);
                  this.SUBRULE3(this.word, { LABEL: 'exemptPermissionSet' });
                },
              },
            ]);
          },
        },
      ],
    });
  });

  permissionSetDecl = this.RULE('permissionSetDecl', () => {
    this.CONSUME(K['permission-set']);
    this.SUBRULE(this.word, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(K.session);
      this.SUBRULE2(this.word, { LABEL: 'session' });
    });
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.permissionSetItem));
    this.CONSUME(RCurly);
  });

  permissionSetItem = this.RULE('permissionSetItem', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          ALT: () => {
            this.OR2([{ ALT: () => this.CONSUME(K.description) }, { ALT: () => this.CONSUME(K['bounded-by']) }]);
            this.SUBRULE(this.word, { LABEL: 'value' });
          },
        },
        { ALT: () => this.SUBRULE(this.managedPolicy) },
        { ALT: () => this.SUBRULE(this.assignment) },
        { ALT: () => this.SUBRULE(this.rawStatement) },
        { GATE: () => this.verbFollows(), ALT: () => this.SUBRULE(this.grant) },
      ],
    });
  });

  assignment = this.RULE('assignment', () => {
    this.CONSUME(K.assign);
    this.OR([{ ALT: () => this.CONSUME(K.group) }, { ALT: () => this.CONSUME(K.user) }]);
    this.SUBRULE(this.word, { LABEL: 'principalId' });
    this.CONSUME(K.to);
    this.SUBRULE(this.words, { LABEL: 'accounts' });
  });

  analyzerDecl = this.RULE('analyzerDecl', () => {
    this.CONSUME(K.analyzer);
    this.SUBRULE(this.word, { LABEL: 'name' });
    this.CONSUME(K.scope);
    this.OR([{ ALT: () => this.CONSUME(K.organization) }, { ALT: () => this.CONSUME(K.account) }]);
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.analyzerItem));
    this.CONSUME(RCurly);
  });

  // One rule per kind of block that reads its items and nothing else; the front end parses lines
  // of a block with these to find the line a mistake is on (see compiler/syntax/dsl/recovery.ts).
  roleItems = this.RULE('roleItems', () => this.MANY(() => this.SUBRULE(this.roleItem)));
  boundaryItems = this.RULE('boundaryItems', () => this.MANY(() => this.SUBRULE(this.boundaryItem)));
  guardItems = this.RULE('guardItems', () => this.MANY(() => this.SUBRULE(this.guardItem)));
  permissionSetItems = this.RULE('permissionSetItems', () => this.MANY(() => this.SUBRULE(this.permissionSetItem)));
  analyzerItems = this.RULE('analyzerItems', () => this.MANY(() => this.SUBRULE(this.analyzerItem)));

  analyzerItem = this.RULE('analyzerItem', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.archive);
          this.CONSUME(K.principal);
          this.SUBRULE(this.word, { LABEL: 'principal' });
          this.OPTION(() => this.SUBRULE(this.because));
        },
      },
      { ALT: () => this.CONSUME(K.alert) },
    ]);
  });
}

/** The one parser instance; chevrotain parsers are reusable by resetting `input`. */
export const iamParser = new IamParser();

export interface ParseOutput {
  readonly cst: CstNode;
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
  readonly lexErrors: readonly ILexingError[];
  readonly parseErrors: readonly IRecognitionException[];
}

/** Lexes and parses a whole file. Never throws for any input text. */
export function parse(text: string): ParseOutput {
  const lexed = iamLexer.tokenize(text);
  iamParser.input = lexed.tokens;
  const cst = iamParser.file();
  return { cst, tokens: lexed.tokens, comments: lexed.groups['comments'] ?? [], lexErrors: lexed.errors, parseErrors: iamParser.errors };
}

/** Parses a run of tokens as a file; the front end uses it to resume after a stray top-level word. */
export function parseTokens(tokens: IToken[]): { cst: CstNode; parseErrors: readonly IRecognitionException[] } {
  iamParser.input = tokens;
  const cst = iamParser.file();
  return { cst, parseErrors: iamParser.errors };
}

/** The rules that read one item, or a run of items, of each kind of block. */
export type ItemRule =
  | 'roleItem' | 'boundaryItem' | 'guardItem' | 'permissionSetItem' | 'analyzerItem'
  | 'roleItems' | 'boundaryItems' | 'guardItems' | 'permissionSetItems' | 'analyzerItems';

/**
 * Parses a run of tokens with one block rule, which must read all of it (a rule invoked from
 * outside reports input it did not read). The front end uses it to find the line of a block where
 * a mistake is, instead of the place, often lines later, where recovery gave up.
 */
export function parseItem(rule: ItemRule, tokens: IToken[]): readonly IRecognitionException[] {
  iamParser.input = tokens;
  iamParser[rule]();
  return iamParser.errors;
}
