## src/shell/tui/open-library.ts

tui-open-library-no-such-file-give-the = { $arg }: no such file. Give the path of a .sop.yaml file, or an SOP id ("sop run" without a name shows a menu).
tui-open-library-the-sop-library-in-has = the SOP library in { $paths } has { $errorsCount } error(s) (above); fix them before running a call ("sop validate" shows them too).
tui-open-library-no-sops-sop-yaml-in = no SOPs (*.sop.yaml) in { $paths }. Give the library folder with --sops DIR.

## src/shell/tui/pick-call.ts

tui-pick-call-which-call = Which call?

## src/shell/tui/prompts.ts

tui-prompts-navigate = navigate
tui-prompts-select = select

## src/shell/tui/render-step.ts

tui-render-step-of = { $from }–{ $to } of { $itemsCount }
tui-render-step-more-lines-shown-after-the = … { $more } more lines, shown after the call
tui-render-step-sensitive = Sensitive: this answer is never saved in clear.
tui-render-step-a-number = a number
tui-render-step-yes-no = yes / no
tui-render-step-up-to-characters = up to { $maxLength } characters

## src/shell/tui/run-scripted-call.ts

tui-run-scripted-call-the-answer-for-step-was = the answer for step { $step } was refused ({ $code }); the step is sensitive, so the answer is not repeated here. Check it in the answers file.
tui-run-scripted-call-the-answer-for-step-was-2 = the answer for step { $step } was refused: { $message }
tui-run-scripted-call-step-was-reached-times-the = step { $step } was reached { $maxVisits } times: the answers file sends the call round a loop (a step gets the same answer each time). Change the answer that leads back to { $step }.
tui-run-scripted-call-the-call-stopped-at = the call stopped at { $at } ({ $stop })
tui-run-scripted-call-the-file-has-did-you = { " " }The file has "{ $near }": did you mean { $local }?
tui-run-scripted-call-add-a-line-answer = { " " }Add a line "{ $local }: <answer>".
tui-run-scripted-call-no-answer-for-step-in = no answer for step { $step } in the answers file.

## src/shell/tui/live-call.ts

tui-live-call-stop = STOP: the call journal cannot be written. Continue this call on paper.

## src/shell/tui/words.ts

tui-say = Say:
tui-guidance = Guidance
tui-no-guidance = No guidance for this step.
tui-source = Source
tui-more = … (enlarge the window to see more)
tui-page-hint = ↑↓ scroll
tui-practice = PRACTICE
tui-continue = Enter continue
tui-type-answer = Type the answer · Enter confirm
tui-esc-then = Esc, then:
tui-keys-after-esc = Keys:{ " " }
tui-guidance-key = guidance
tui-back = back
tui-note = note
tui-quit = quit
tui-optional = (may be left empty)
tui-answer = Answer
tui-previously = Before going back:
tui-note-prompt = Note (one line, Enter save, Esc cancel):
tui-note-saved = Note saved.
tui-note-empty = Empty note not saved.
tui-confirm-quit = Stop this call now? It is kept as interrupted; "sop resume" continues it.  y = stop · n = stay
tui-command-mode = Press a key: ? b n q or an interrupt key; any other key returns to typing.
tui-ticked = ticked
tui-nothing-ticked = Nothing ticked: Enter confirms "none".
tui-summary = Call summary
tui-outcome = Outcome
tui-path = Path taken
tui-referrals = Referrals
tui-no-referrals = none
tui-hours = hours
tui-unverified = UNVERIFIED
tui-last-verified = last verified
tui-unknown-contact = not in the directory
tui-duration = Duration
tui-answers = Answers given
tui-sealed = (sensitive, sealed)
tui-full-path = full path
tui-session = Session
tui-journal = Journal
tui-interrupted-title = Call interrupted
tui-resume-hint = Continue it later with: sop resume
tui-stopped-at = Stopped at
tui-unfinished-note-kept = The note you were typing was kept in the journal, marked unfinished.
tui-more-answers = { $n } more answers
tui-choose = ↑↓ or { $digits } choose · Enter confirm
tui-toggle = ↑↓ move · Space or { $digits } tick · Enter confirm

## src/core/training/training-words.ts

training-debrief = Debrief
training-score = Score
training-points = points
training-of = of
training-decisions-part = Decisions as the expert
training-red-flags-part = Red flags caught
training-not-in-scenario = none in this scenario
training-expected = expected
training-not-finished = the call was not finished
training-referrals-missing = referrals not made
training-decisions = Decisions (yours beside the expert’s)
training-you = you
training-expert = expert
training-not-reached = not reached
training-not-comparable = kept only as [redacted]: not compared
training-why = Why
training-caller = Caller
training-expert-title = Expert
training-press = press
training-not-on-expert-path = the expert’s call does not pass through this step.
training-not-scored = a fact from the caller, not scored
training-left-open = the caller did not say, not scored
training-off-path = Steps off the expert’s path
training-red-flags = Red flags
training-visit-missed = not passed through
training-visit-hit = passed through
training-interrupt-missed = not used
training-interrupt-hit = used
training-interrupt = interrupt
training-no-red-flags = No red flags were missed.
training-times = Time per step (you / expert)
training-slow = slow
training-report = Training report
training-trainee = trainee
training-sessions = sessions
training-scenarios-done = Scenarios done
training-scenario = scenario
training-attempts = attempts
training-finished = finished
training-best = best
training-last = last
training-not-done = Not done yet
training-over-time = Scores over time
training-when = date
training-score-column = score
training-unfinished = not finished
training-no-score = scenario not found or no longer fits the SOPs: no score
training-divergences = Steps where the trainee most often decides differently from the expert
training-times-2 = times
training-missed-flags = Red flags most often missed

## src/core/render/words.ts

render-otherwise = otherwise
render-legend = Legend
render-tail-call = its outcome ends this SOP
render-back-to = back to
render-see-above = see above
render-unreachable = Not reachable from the start
render-category-emergency = emergency
render-category-escalated = escalated
render-category-referred = referred
render-category-informed = informed
render-category-no-action = no action
render-category-dropped = dropped

## src/core/render/reference-words.ts

reference-or = or
reference-yes = yes
reference-no = no
reference-not-given = (not given)
reference-unknown-contact = (contact missing from the directory)
reference-open-always = open 24/7
reference-open-until = open now, until
reference-closed-opens-today = closed now, opens today at
reference-closed-opens = closed now, opens
reference-closed = closed now
reference-at = at
reference-days-mon = Mon
reference-days-tue = Tue
reference-days-wed = Wed
reference-days-thu = Thu
reference-days-fri = Fri
reference-days-sat = Sat
reference-days-sun = Sun

## src/shell/commands/run.ts

commands-run-with-answers-name-the-sop = with --answers, name the SOP to run: sop run <sop> --answers FILE
commands-run-a-live-call-needs-a = a live call needs a terminal (stdin and stdout must be a TTY). Run it in a terminal window, or drive it from a file: sop run <sop> --answers FILE
commands-run-cannot-read-the-answers-file = cannot read the answers file { $file } ({ $code })
commands-run-not-valid-yaml = { $at }: not valid YAML: { $error }
commands-run-the-answers-file-must-map = { $file }: the answers file must map steps to answers, one "step: answer" per line (e.g. "safe: yes", "referral/offer: no")
commands-run-which-sop = Which SOP?
commands-run-no-call-started-n =
    No call started.
    { "" }

## src/shell/commands/train.ts

commands-train-trainee-needs-a-pseudonym = --trainee needs a pseudonym
commands-train-trainee-holds-a-line-break = --trainee holds a line break or control characters: use one line of plain text, a pseudonym such as trainee-3
commands-train-a-training-scenario-cannot-come = a training scenario cannot come from stdin ("-"): the terminal is needed for the call. Give its id or its file.
commands-train-training-needs-a-terminal-stdin = training needs a terminal (stdin and stdout must be a TTY): run it in a terminal window. To check scenarios without one, use: sop test
commands-train-ntraining-sessions-are-not-resumed =
    { "" }
    Training sessions are not resumed: start again with "sop train { $scenario }".
    { "" }
commands-train-not-a-scenario-file = not a scenario file
commands-train-cannot-train-with = cannot train with { $arg }: { $problem }
commands-train-no-scenarios-scenario-yaml-in = no scenarios (*.scenario.yaml) in { $dir }. Give the folder with --scenarios DIR or a file.
commands-train-easy = easy
commands-train-medium = medium
commands-train-hard = hard
commands-train-done = done
commands-train-which-scenario-trainee = Which scenario? (trainee: { $trainee })
commands-train-no-training-started-n =
    No training started.
    { "" }
commands-train-the-situation = The situation
commands-train-run-the-call-as-you = Run the call as you would a live one: same screens and keys. What the caller says appears above the step.
commands-train-guided-pass-the-expert-s = Guided pass: the expert’s choice and why are shown at each step.
commands-train-start-the-call = Start the call?

## src/shell/cli/run.ts

cli-run-run-a-call-the-sop = run a call: the SOP step by step in the terminal, recorded in the journal
cli-run-sop-id-or-file-default = SOP id or file (default: choose from a menu)
cli-run-your-pseudonym-in-the-journal = your pseudonym in the journal (default: from the config file)
cli-run-run-without-a-terminal-answers = run without a terminal: answers from a YAML file (step: answer; "-" = stdin)
cli-run-keys-during-a-call-or =
    { "" }
    Keys during a call:
      ↑ ↓ or 1-9   choose an option          Space or 1-9   tick a checklist item
      Enter        confirm / continue        ?              guidance for this step
      b            back (the next answer amends the earlier one)
      n            a one-line note           q              quit (asks first; the call can be resumed)
      !            the SOP's interrupts (e.g. ! immediate danger), listed in the footer
      On a typed answer, press Esc first, then the key.
      Letter keys also work with the Ukrainian layout (й q, и b, т n).

    Every answer is written to the journal (and synced to disk) before the next step shows.
    Sensitive answers and all notes are never written in clear. Exit 0 when the call ends,
    130 when stopped with Ctrl+C, 1 when it stops early otherwise (quit, missing answer) or the
    SOPs have errors, 2 when it cannot run (not a terminal, journal not writable).

    Examples:
      sop run                                  choose the SOP from a menu
      sop run first-contact --lang uk          a call in Ukrainian
      sop run sops/job-offer-abroad.sop.yaml --operator counsellor-7
      sop run first-contact --answers answers.yaml     headless, e.g. for a demo or a check
      cat answers.yaml | sop run first-contact --answers -

## src/shell/cli/train.ts

cli-train-training-practise-a-scenario-exactly = training: practise a scenario exactly like a live call, then a debrief against the expert
cli-train-scenario-id-or-file-default = scenario id or file (default: choose from a menu)
cli-train-the-trainee-s-pseudonym-default = the trainee's pseudonym (default: the operator from the config file)
cli-train-guided-first-pass-show-the = guided first pass: show the expert's choice and why at every step
cli-train-progress-report-scenarios-done-scores = progress report: scenarios done, scores over time, where the trainee diverges (default: --trainee)
cli-train-with-report-output-format = with --report: output format
cli-train-language-of-the-screens-the = language of the screens, the SOP texts and the debrief
cli-train-who-runs-the-session-recorded = who runs the session, recorded in the journal (default: from the config file)
cli-train-where-scenarios-are-default-the = where scenarios are (default: the scenarios folder of the library)
cli-train-the-trainee-reads-the-caller =
    { "" }
    The trainee reads the caller's situation, then runs the SOP with the same screens and keys as
    "sop run" (? guidance, b back, n note, q quit, ! and the other interrupt keys). At the steps
    where the scenario scripts the caller, what the caller says appears above the step.
    At the end, a debrief: a score out of 100 (decisions as the expert 50, red flags 25,
    outcome 25; see docs/training.md), each decision beside the expert's with the step's guidance
    and the expert's reason where they differ, the red flags missed, and time per step.

    Sessions go to the TRAINING journal (<data dir>/journal/training/), never with real calls.
    A terminal is needed; for headless checks of scenarios use "sop test". Exit 0 when the call
    was completed, 1 when it was stopped early or the scenario no longer fits the SOPs, 2 when it
    cannot run (not a terminal, journal not writable).

    Examples:
      sop train                                      choose a scenario from a menu
      sop train two-signs --trainee trainee-3        a scenario by id, under a pseudonym
      sop train sops/scenarios/dv-danger-interrupt.scenario.yaml --lang uk
      sop train emergency-danger-passed --reveal     first pass: the expert's choice at each step
      sop train --report                             your progress (the --trainee / config name)
      sop train --report trainee-3 --format json     one trainee's progress as JSON

## src/shell/cli/texts.ts

cli-texts-output-format = output format
cli-texts-lang-of-messages = language of messages
cli-texts-lang-of-screens = language of the screens and the SOP texts
cli-texts-data-dir = where journals live (default $XDG_DATA_HOME/sop-runner)
cli-texts-sops-folder = the SOP library folder (default: ./sops)
cli-texts-sops-configured = the SOP library (default: the configured sops dir, else ./sops)
cli-texts-sop-argument = an SOP id from the library, or the path of a .sop.yaml file ("-" reads stdin)
cli-texts-output-file = write to this file instead of stdout
cli-texts-db-url = the shared store, postgres://USER:PASSWORD@HOST:5432/DB[?sslmode=require][&schema=NAME] (default: SOP_DATABASE_URL, then database_url in the config file)
cli-texts-db-read = read from the shared store instead of this machine's journal (URL, or SOP_DATABASE_URL / database_url when given alone)
cli-texts-wide = whole values even when the output is wider than the terminal

## src/shell/commands/resume.ts

commands-resume-in-progress-in-another-window =
    In progress in another window (not offered): { $ids }
    { "" }
commands-resume-no-interrupted-calls-n =
    No interrupted calls.
    { "" }
commands-resume-matches-calls-give-more-of =
    "{ $sessionArg }" matches { $matchesCount } calls; give more of the id:
    { $list }
commands-resume-no-call-in-the-journal = no call { $sessionArg } in the journal of { $dataDir }. "sop resume" lists the interrupted ones.
commands-resume-call-is-completed-only-an = call { $id } is completed; only an interrupted call can be continued.
commands-resume-process = process
commands-resume-call-is-in-progress-in = call { $id } is in progress in another window{ $pid }: it is being recorded there now, and two windows must not record one call. Continue it in that window; if it is quit or its window closes, "sop resume" offers it here.
commands-resume-continuing-a-call-needs-a = continuing a call needs a terminal (stdin and stdout must be a TTY): run "sop resume { $id }" in a terminal window. Without one, "sop resume" lists the interrupted calls.
commands-resume-the-sop-has-changed-since =
    The SOP has changed since this call started ({ $names }); it cannot continue with the version it started with.
    { "" }
commands-resume-start-the-call-over-with = Start the call over with the current { $sop }?
commands-resume-the-journal-of-call-does = the journal of call { $id } does not fit its SOP at { $step }: { $message }
commands-resume-call-already-reached-its-end = call { $id } already reached its end; nothing to continue.
commands-resume-resumed-call = Resumed call { $id }.
commands-resume-step-had-a-sensitive-answer = Step { $askAgain } had a sensitive answer, which is never stored in clear: please ask it again. The answers recorded after it are then filled in again while the call takes the same way.
commands-resume-call-was-continued-in-another = call { $id } was continued in another window since it was read here; nothing was written. Run "sop resume" again to continue it from where it is now.
commands-resume-call-cannot-be-continued-lines = call { $id } cannot be continued: lines were cut off the end of { $file } where it was recorded, and that loss was accepted ({ $who }; "sop log verify" names it). What followed its last line is lost, so continuing would join a new part to an unknown gap. Start a new call with "sop run" and refer to { $id } in a note.
commands-resume-call-cannot-be-continued-lines-2 = call { $id } cannot be continued: lines were cut off the end of { $file } (its .head says it was longer, or is missing or unreadable), so this call may be half removed rather than interrupted, and continuing would hide what was lost. Run "sop log verify" to see the loss; once it is known what was lost, a supervisor records that with "sop log accept-loss". Start a new call with "sop run" meanwhile.

## src/shell/cli/define-resume.ts

cli-define-resume-continue-an-interrupted-call-quit = continue an interrupted call (quit, Ctrl+C, closed terminal, crash) where it stopped
cli-define-resume-the-session-id-default-choose = the session id (default: choose from the interrupted calls)
cli-define-resume-the-call-is-rebuilt-from =
    { "" }
    The call is rebuilt from the journal with the SOP version it started with; if an SOP file has
    changed since, resume says so and offers to start the call over. Sensitive answers are never
    stored in clear, so they cannot be replayed: the call continues from the first one, which is
    asked again. New lines are appended to the same session (seq continues).

    Without a terminal, "sop resume" lists the interrupted calls (id, start, SOP, where it stopped).

    Examples:
      sop resume                          choose from the interrupted calls
      sop resume 20261129-1302-k3f9       continue that call
      sop resume --data-dir /srv/hotline  calls recorded elsewhere
      sop resume < /dev/null              just list them

## src/shell/cli/help.ts (commander's own words in --help; English help is commander's)

help-usage = Usage:
help-arguments = Arguments:
help-options = Options:
help-global-options = Global Options:
help-commands = Commands:
help-options-placeholder = [options]
help-command-placeholder = [command]
help-choices = choices: { $choices }
help-default = default: { $value }
help-preset = preset: { $value }
help-env = env: { $name }
