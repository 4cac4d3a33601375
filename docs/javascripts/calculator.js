// The calculator of "What you get" (docs/holders.md). It computes no rule of the specification:
// the page carries the contracts' results, computed when the site was built (spec/holders.py,
// spec/holders_programs.py), and this script only reads an amount, looks results up and adds
// them.
//
// A staking event publishes, per holding period, the contract's reward of one output of
// d * 10^k Mi for every digit d and power k, the rewards of the sub-Mi amounts at which the
// reward changes, and the smallest stake the event's results pay. The reward of an amount is the
// sum of the published rewards of its digits plus the one of its sub-Mi part: in every deployed
// event a whole Mi earns whole base units per milestone, so the per-output floor splits exactly
// (the tests check these sums against the contract). Every other program publishes its results
// for a set of amounts and scenarios, and the script reads the one chosen.
(function () {
  "use strict";

  function group(digits) {
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  // Base units (a BigInt) as whole tokens, exact: 3110400000n, 6 -> "3,110.4".
  function whole(value, decimals) {
    const text = value.toString().padStart(decimals + 1, "0");
    const integral = text.slice(0, text.length - decimals);
    const part = text.slice(text.length - decimals).replace(/0+$/, "");
    return group(integral) + (part ? "." + part : "");
  }

  // "1,234.5" -> 1234500000n base units of `decimals` places; null when it is not an amount.
  function parseAmount(text, decimals) {
    const cleaned = text.trim().replace(/[\s,_\u2009\u202f]/g, "");
    const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
    if (!match || (match[1] === "" && !match[2])) return null;
    const part = match[2] || "";
    if (part.length > decimals) return null;
    return BigInt((match[1] || "0") + part.padEnd(decimals, "0"));
  }

  function eventResult(program, option, amount) {
    const unit = 10n ** BigInt(program.input.decimals);
    let total = 0n;
    let wholeUnits = amount / unit;
    for (let power = 0; wholeUnits > 0n; power += 1, wholeUnits /= 10n) {
      const digit = Number(wholeUnits % 10n);
      if (digit > 0) total += BigInt(option.digits[power][digit - 1]);
    }
    const rest = amount % unit;
    let step = 0n;
    for (const [from, reward] of option.fraction) {
      if (BigInt(from) <= rest) step = BigInt(reward);
    }
    return total + step;
  }

  function setup(root) {
    const box = root.querySelector("#holder-calculator");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "true";
    const data = JSON.parse(box.querySelector("#calc-data").textContent);
    const $ = (id) => box.querySelector("#" + id);
    const programSelect = $("calc-program");
    const optionSelect = $("calc-option");
    const amountInput = $("calc-amount");
    const choiceSelect = $("calc-choice");
    const result = $("calc-result");

    const groups = { event: "Pre-launch staking, as deployed", grid: "After the pre-launch window" };
    for (const kind of Object.keys(groups)) {
      const optgroup = document.createElement("optgroup");
      optgroup.label = groups[kind];
      data.programs.forEach((program, index) => {
        if (program.kind === kind) optgroup.append(new Option(program.label, String(index)));
      });
      programSelect.append(optgroup);
    }

    function program() {
      return data.programs[Number(programSelect.value)];
    }

    function show(main, detail) {
      result.replaceChildren(main);
      if (detail) {
        const small = document.createElement("small");
        small.textContent = detail;
        result.append(small);
      }
    }

    function showReward(p, reward) {
      show(
        "You receive " + whole(reward, p.output.decimals) + " " + p.output.symbol,
        "= " + group(reward.toString()) + " " + p.output.base + ", the contract's result",
      );
    }

    function update() {
      const p = program();
      const option = p.options[Number(optionSelect.value)];
      if (p.kind === "grid") {
        showReward(p, BigInt(option.results[Number(choiceSelect.value)]));
        return;
      }
      const amount = parseAmount(amountInput.value, p.input.decimals);
      if (amount === null || amount === 0n) {
        show("Enter an amount in Mi, with at most " + p.input.decimals + " decimals.");
      } else if (amount > BigInt(data.supply)) {
        show("That is more than the whole IOTA supply of " + whole(BigInt(data.supply), 6) + " Mi.");
      } else if (amount < BigInt(option.smallestPaid)) {
        show(
          "You receive nothing: below the event's required minimum",
          "The smallest stake this event pays for this period is " +
            whole(BigInt(option.smallestPaid), p.input.decimals) + " Mi.",
        );
      } else {
        showReward(p, eventResult(p, option, amount));
      }
    }

    function selectProgram() {
      const p = program();
      const grid = p.kind === "grid";
      $("calc-amount-row").hidden = grid;
      $("calc-choice-row").hidden = !grid;
      $("calc-option-label").textContent = grid ? "Assuming" : "Held for";
      optionSelect.replaceChildren(
        ...p.options.map((option, index) => new Option(option.label, String(index))),
      );
      optionSelect.value = String(p.headline || 0);
      if (grid) {
        choiceSelect.replaceChildren(
          ...p.amounts.map((label, index) => new Option(label, String(index))),
        );
        choiceSelect.value = String(p.example);
        $("calc-choice-unit").textContent = p.input.symbol;
      }
      const rules = $("calc-rules");
      rules.replaceChildren("Rules: ");
      p.rules.forEach((rule, index) => {
        const link = document.createElement("a");
        link.href = rule.href;
        const code = document.createElement("code");
        code.textContent = rule.id;
        link.append(code);
        rules.append(...(index ? [", ", link] : [link]));
      });
      update();
    }

    programSelect.addEventListener("change", selectProgram);
    optionSelect.addEventListener("change", update);
    choiceSelect.addEventListener("change", update);
    amountInput.addEventListener("input", update);
    selectProgram();
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(({ body }) => setup(body));
  } else {
    document.addEventListener("DOMContentLoaded", () => setup(document.body));
  }
})();
