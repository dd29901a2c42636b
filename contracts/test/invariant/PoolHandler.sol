// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {Vm} from "forge-std/Vm.sol";
import {FinancingPool} from "../../src/FinancingPool.sol";
import {MockUSDC} from "../../src/MockUSDC.sol";
import {HardwareAssetRegistry} from "../../src/HardwareAssetRegistry.sol";

/// @notice Drives one FinancingPool with bounded, valid actions from five fixed actors (who also act as each
/// other's ERC-7540 operators, spenders and controllers), plus the manager, the reporter, the guardian and the
/// admin, and keeps ghost accounting to check the pool against.
///
/// Every action is bounded so that it should succeed. A call that reverts although its inputs are within the
/// limits the pool itself advertises (maxDeposit, maxWithdraw, maxRedeem, unlockedShares, idle, outstanding,
/// claimable...) is not swallowed: it sets `unexpectedRevert`, which an invariant asserts false. The only paths
/// skipped on purpose are those the pool documents as unavailable (e.g. nothing to claim, or anything but claims
/// and cancellations while paused).
///
/// After every action the handler diffs the state it watches:
/// - the pool's events (RedeemRequestFilled, RevenueClaimed, Transfer) from `vm.recordLogs`;
/// - every actor's claimableRevenue against the value it saw after the previous action.
contract PoolHandler is CommonBase, StdCheats, StdUtils {
    uint256 internal constant N_ACTORS = 5;
    uint256 internal constant MAX_DEPOSIT = 1_000_000e6;
    uint256 internal constant MAX_REVENUE = 500_000e6;
    uint256 internal constant MAX_WARP = 10 days;
    /// @dev Past this supply a deposit could overflow `totalSupply` (only reachable after repeated total write-downs,
    /// where the price per share collapses to ~0): deposits are then skipped rather than reported.
    uint256 internal constant SUPPLY_CEILING = 1e60;

    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    bytes32 internal constant FILLED_SIG = keccak256("RedeemRequestFilled(uint256,address,address,uint256,uint256)");
    bytes32 internal constant CLAIMED_SIG = keccak256("RevenueClaimed(address,address,uint256)");
    bytes32 internal constant TRANSFER_SIG = keccak256("Transfer(address,address,uint256)");

    FinancingPool public immutable pool;
    MockUSDC public immutable usdc;
    address public immutable admin;
    address public immutable manager;
    address public immutable reporter;
    address public immutable guardian;
    uint256[2] internal assetIds;

    address[] internal _actors;
    uint256[] internal _keys;

    /// Every address that ever received pool shares (from Transfer events).
    address[] internal _holders;
    mapping(address => bool) internal _isHolder;

    /// The time the sequence has reached (warps are re-applied at the start of every action).
    uint256 public currentTime;

    // ─── Ghosts: revenue ────────────────────────────────────────────────────────────────────────────────
    uint256 public ghostGrossDistributed;
    uint256 public ghostFees;
    uint256 public ghostNetDistributed;
    uint256 public ghostRevenueClaimed;
    mapping(address => uint256) public ghostClaimedBy;
    mapping(address => uint256) public lastClaimable;

    /// Set when an account's claimableRevenue went down during an action in which it did not claim.
    bool public claimableDecreased;
    address public decreasedAccount;
    uint256 public decreasedFrom;
    uint256 public decreasedTo;
    string public decreasedDuring;

    /// Set when a claim paid other than the claimable amount the account was shown just before (or less than the
    /// amount it was shown after the previous action).
    bool public claimMismatch;

    // ─── Ghosts: principal and exits ───────────────────────────────────────────────────────────────────
    uint256 public ghostDeposited;
    uint256 public ghostInstantWithdrawn;
    uint256 public ghostDeployed;
    uint256 public ghostRepaid;
    uint256 public ghostWrittenDown;
    uint256 public ghostRecovered;
    uint256 public ghostFilledAssets;
    uint256 public ghostFilledShares;
    uint256 public ghostRedemptionClaimed;
    uint256 public ghostDonated;

    /// Request ids in the order RedeemRequestFilled reported them (a partly filled request appears again).
    uint256[] public filledIds;
    /// Set when a fill reached a request while an older one still had pending shares.
    bool public fifoViolated;
    uint256 public fifoViolationId;
    /// Set when a fill burned shares of a request for zero USDC and left it pending (it paid nothing for them).
    bool public zeroAssetPartialFill;
    uint256 public zeroAssetPartialFillShares;
    /// Set when fillRedemptions with room for every request left the queue waiting although idle could serve
    /// the oldest pending request in full.
    bool public fillStalled;

    bool public unexpectedRevert;
    string public unexpectedRevertAction;
    bytes public unexpectedRevertData;

    mapping(bytes32 => uint256) public calls;
    uint256 public actionCount;

    // Coverage counters: how often the interesting states were reached (read them from an afterInvariant hook
    // with console2 when tuning the handler).
    uint256 public statFills;
    uint256 public statPartialFills;
    uint256 public statActionsWithQueueWaiting;
    uint256 public statClaims;
    uint256 public statInstantExits;
    uint256 public statZeroPriceStates;
    uint256 public statImpairments;
    uint256 public statWriteDowns;
    uint256 public statRecoveries;
    uint256 public statCancels;
    uint256 public statDelegatedRequests;

    /// Set when the share price fell in an action other than an impairment or the admin's write-down beyond the
    /// provision (revenue, donations, claims, fills, exits and the manager's write-down of a provisioned loss
    /// must never lower it; rounding must favour the pool).
    bool public priceFellWithoutWriteDown;
    string public priceFellDuring;
    /// Set when deposit/mint/withdraw/redeem did not return what the matching preview promised just before.
    bool public previewMismatch;
    string public previewMismatchDuring;
    /// Rounding dust the revenue accumulator may legitimately strand (floors in mulDiv), grown after every
    /// action: a few wei per settled account plus the accumulator's per-share floor.
    uint256 public revenueDustAllowance;

    uint256 internal _assetsBefore;
    uint256 internal _supplyBefore;

    // per-action scratch
    string internal _action;
    address[] internal _claimersThisAction;

    constructor(
        FinancingPool pool_,
        MockUSDC usdc_,
        address admin_,
        address manager_,
        address reporter_,
        address guardian_,
        uint256 assetA,
        uint256 assetB
    ) {
        pool = pool_;
        usdc = usdc_;
        admin = admin_;
        manager = manager_;
        reporter = reporter_;
        guardian = guardian_;
        assetIds = [assetA, assetB];
        currentTime = block.timestamp;
        for (uint256 i = 0; i < N_ACTORS; i++) {
            (address a, uint256 k) = makeAddrAndKey(string.concat("actor", vm.toString(i)));
            _actors.push(a);
            _keys.push(k);
            vm.prank(a);
            usdc.approve(address(pool_), type(uint256).max);
        }
    }

    // ─── Views for the invariants ──────────────────────────────────────────────────────────────────────

    function actors() external view returns (address[] memory) {
        return _actors;
    }

    function holders() external view returns (address[] memory) {
        return _holders;
    }

    function filledCount() external view returns (uint256) {
        return filledIds.length;
    }

    /// What `a` can take out in an instant ERC-4626 exit: nothing while it has filled redemptions (its
    /// withdraw/redeem is then a claim of them, which `claimRedemption` exercises).
    function instantMaxWithdraw(address a) external view returns (uint256) {
        (uint128 claimableShares,) = pool.claimableRedemption(a);
        return claimableShares > 0 ? 0 : pool.maxWithdraw(a);
    }

    function instantMaxRedeem(address a) external view returns (uint256) {
        (uint128 claimableShares,) = pool.claimableRedemption(a);
        return claimableShares > 0 ? 0 : pool.maxRedeem(a);
    }

    function claimableRedemptionShares(address a) external view returns (uint256) {
        (uint128 claimableShares,) = pool.claimableRedemption(a);
        return claimableShares;
    }

    // ─── Bookkeeping ───────────────────────────────────────────────────────────────────────────────────

    modifier track(string memory action) {
        vm.warp(currentTime);
        _action = action;
        calls[keccak256(bytes(action))]++;
        actionCount++;
        delete _claimersThisAction;
        _assetsBefore = pool.totalAssets();
        _supplyBefore = pool.totalSupply();
        vm.recordLogs();
        _;
        _afterAction();
    }

    function _actor(uint256 seed) internal view returns (address) {
        return _actors[seed % N_ACTORS];
    }

    /// From the seeded actor on, the first one for which `amountOf` is non-zero (or the seeded one if none).
    function _actorWith(uint256 seed, function(address) external view returns (uint256) amountOf)
        internal
        view
        returns (address a, uint256 amount)
    {
        for (uint256 k = 0; k < N_ACTORS; k++) {
            a = _actors[(seed % N_ACTORS + k) % N_ACTORS];
            amount = amountOf(a);
            if (amount > 0) return (a, amount);
        }
    }

    /// Most of the time a big share of `max` (so that queues wait and pools run dry), sometimes any amount.
    function _mostly(uint256 seed, uint256 max) internal pure returns (uint256) {
        if (seed % 4 == 0) return _bound(seed >> 2, 1, max);
        if (seed % 4 == 1) return max;
        uint256 lo = max - max / 4;
        return _bound(seed >> 2, lo == 0 ? 1 : lo, max);
    }

    function _unexpected(bytes memory err) internal {
        if (unexpectedRevert) return; // keep the first one
        unexpectedRevert = true;
        unexpectedRevertAction = _action;
        unexpectedRevertData = err;
    }

    function _afterAction() internal {
        Vm.Log[] memory logs = vm.getRecordedLogs();
        uint256 maxFilledThisAction;
        bool anyFill;
        uint256 fillsThisAction;
        for (uint256 i = 0; i < logs.length; i++) {
            Vm.Log memory l = logs[i];
            if (l.emitter != address(pool) || l.topics.length == 0) continue;
            bytes32 sig = l.topics[0];
            if (sig == FILLED_SIG) {
                uint256 id = uint256(l.topics[1]);
                (uint256 shares, uint256 assets) = abi.decode(l.data, (uint256, uint256));
                if (filledIds.length > 0 && id < filledIds[filledIds.length - 1]) {
                    _fifo(id);
                }
                filledIds.push(id);
                ghostFilledShares += shares;
                ghostFilledAssets += assets;
                if (assets == 0 && shares > 0 && pool.redeemRequest(id).pendingShares > 0) {
                    // Only meaningful for the last fill of the action (a request filled in part stops the loop).
                    zeroAssetPartialFill = true;
                    zeroAssetPartialFillShares = shares;
                }
                statFills++;
                fillsThisAction++;
                if (pool.redeemRequest(id).pendingShares > 0) statPartialFills++;
                if (!anyFill || id > maxFilledThisAction) maxFilledThisAction = id;
                anyFill = true;
            } else if (sig == CLAIMED_SIG) {
                _claimersThisAction.push(address(uint160(uint256(l.topics[1]))));
            } else if (sig == TRANSFER_SIG) {
                address to = address(uint160(uint256(l.topics[2])));
                if (to != address(0) && !_isHolder[to]) {
                    _isHolder[to] = true;
                    _holders.push(to);
                }
            }
        }
        if (pool.pendingRedeemShares() > 0) statActionsWithQueueWaiting++;
        _checkPrice();
        revenueDustAllowance += 2 * (_holders.length + fillsThisAction + 2) + pool.totalSupply() / 1e36 + 1;
        if (pool.totalSupply() > 0 && pool.totalAssets() == 0) statZeroPriceStates++;
        // FIFO: a request was filled only if every older one had nothing pending. Pending shares never grow,
        // so checking after the action is enough.
        if (anyFill) {
            for (uint256 id = 1; id < maxFilledThisAction; id++) {
                if (pool.redeemRequest(id).pendingShares > 0) _fifo(maxFilledThisAction);
            }
        }
        // Claimable revenue only goes down by the holder's own claim, or by the one wei each balance change may round
        // off (revenue debt rounds against the holder, so the pool never owes more than it released): one change
        // per action, or one per request a fill burns.
        for (uint256 i = 0; i < _holders.length; i++) {
            address a = _holders[i];
            uint256 nowClaimable = pool.claimableRevenue(a);
            bool claimed;
            for (uint256 j = 0; j < _claimersThisAction.length; j++) {
                if (_claimersThisAction[j] == a) claimed = true;
            }
            if (nowClaimable + 1 + fillsThisAction < lastClaimable[a] && !claimed && !claimableDecreased) {
                claimableDecreased = true;
                decreasedAccount = a;
                decreasedFrom = lastClaimable[a];
                decreasedTo = nowClaimable;
                decreasedDuring = _action;
            }
            lastClaimable[a] = nowClaimable;
        }
    }

    /// Price per share = (totalAssets + 1) / (totalSupply + 1e12), compared by cross-multiplication.
    function _checkPrice() internal {
        bytes32 action = keccak256(bytes(_action));
        if (action == keccak256("markImpairment") || action == keccak256("adminWriteDown")) return;
        uint256 ta = pool.totalAssets();
        uint256 ts = pool.totalSupply();
        if (ts > 1e50 || _supplyBefore > 1e50) return; // products could overflow; only after repeated total losses
        if ((ta + 1) * (_supplyBefore + 1e12) < (_assetsBefore + 1) * (ts + 1e12) && !priceFellWithoutWriteDown) {
            priceFellWithoutWriteDown = true;
            priceFellDuring = _action;
        }
    }

    function _mismatch() internal {
        if (previewMismatch) return;
        previewMismatch = true;
        previewMismatchDuring = _action;
    }

    function _fifo(uint256 id) internal {
        if (fifoViolated) return;
        fifoViolated = true;
        fifoViolationId = id;
    }

    /// Most of the time a small part of `max` (so that repayments trickle in), sometimes any amount.
    function _mostlySmall(uint256 seed, uint256 max) internal pure returns (uint256) {
        if (seed % 4 == 0) return _bound(seed >> 2, 1, max);
        return _bound(seed >> 2, 1, max / 10 + 1 > max ? max : max / 10 + 1);
    }

    // ─── Depositors ────────────────────────────────────────────────────────────────────────────────────

    function _depositBound(address receiver, uint256 amountSeed) internal view returns (uint256 assets) {
        if (pool.totalSupply() > SUPPLY_CEILING) return 0;
        uint256 maxDep = pool.maxDeposit(receiver);
        uint256 minDep = pool.minDeposit();
        if (maxDep > MAX_DEPOSIT) maxDep = MAX_DEPOSIT;
        if (maxDep < minDep || maxDep == 0) return 0;
        assets = _bound(amountSeed, minDep, maxDep);
        if (pool.previewDeposit(assets) == 0) return 0;
    }

    function deposit(uint256 actorSeed, uint256 receiverSeed, uint256 amount) external track("deposit") {
        address a = _actor(actorSeed);
        address receiver = _actor(receiverSeed);
        uint256 assets = _depositBound(receiver, amount);
        if (assets == 0) return;
        usdc.mint(a, assets);
        uint256 expected = pool.previewDeposit(assets);
        vm.prank(a);
        try pool.deposit(assets, receiver) returns (uint256 shares) {
            ghostDeposited += assets;
            if (shares != expected) _mismatch();
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    /// EIP-2612 permit + deposit; sometimes the permit was already used (front-run), which the pool tolerates when
    /// the allowance is there.
    function depositWithPermit(uint256 actorSeed, uint256 receiverSeed, uint256 amount, bool frontRun)
        external
        track("depositWithPermit")
    {
        uint256 idx = actorSeed % N_ACTORS;
        address a = _actors[idx];
        address receiver = _actor(receiverSeed);
        uint256 assets = _depositBound(receiver, amount);
        if (assets == 0) return;
        usdc.mint(a, assets);
        // Drop the standing infinite approval so the permit is what authorises the pull.
        vm.prank(a);
        usdc.approve(address(pool), 0);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, a, address(pool), assets, usdc.nonces(a), deadline));
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", usdc.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(_keys[idx], digest);
        if (frontRun) usdc.permit(a, address(pool), assets, deadline, v, r, s);
        vm.prank(a);
        try pool.depositWithPermit(assets, receiver, deadline, v, r, s) {
            ghostDeposited += assets;
        } catch (bytes memory err) {
            _unexpected(err);
        }
        vm.prank(a);
        usdc.approve(address(pool), type(uint256).max);
    }

    function mint(uint256 actorSeed, uint256 receiverSeed, uint256 amount) external track("mint") {
        address a = _actor(actorSeed);
        address receiver = _actor(receiverSeed);
        uint256 target = _depositBound(receiver, amount);
        if (target == 0) return;
        uint256 shares = pool.previewDeposit(target);
        uint256 assets = pool.previewMint(shares);
        if (shares == 0 || assets < pool.minDeposit() || assets > pool.maxDeposit(receiver)) return;
        usdc.mint(a, assets);
        vm.prank(a);
        try pool.mint(shares, receiver) returns (uint256 paid) {
            ghostDeposited += paid;
            if (paid != assets) _mismatch();
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    function withdraw(uint256 actorSeed, uint256 receiverSeed, uint256 amount) external track("withdraw") {
        (address a, uint256 max) = _actorWith(actorSeed, this.instantMaxWithdraw);
        address receiver = _actor(receiverSeed);
        if (max == 0) return;
        uint256 assets = _bound(amount, 1, max);
        uint256 expected = pool.previewWithdraw(assets);
        vm.prank(a);
        try pool.withdraw(assets, receiver, a) returns (uint256 burned) {
            ghostInstantWithdrawn += assets;
            if (burned != expected) _mismatch();
            statInstantExits++;
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    function redeem(uint256 actorSeed, uint256 receiverSeed, uint256 amount) external track("redeem") {
        (address a, uint256 max) = _actorWith(actorSeed, this.instantMaxRedeem);
        address receiver = _actor(receiverSeed);
        if (max == 0) return;
        uint256 shares = _bound(amount, 1, max);
        uint256 expected = pool.previewRedeem(shares);
        if (expected == 0) return; // dust: OZ would burn for nothing, skip
        vm.prank(a);
        try pool.redeem(shares, receiver, a) returns (uint256 assets) {
            ghostInstantWithdrawn += assets;
            if (assets != expected) _mismatch();
            statInstantExits++;
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    function transferShares(uint256 fromSeed, uint256 toSeed, uint256 amount) external track("transferShares") {
        if (pool.paused()) return; // documented: no transfers while paused
        (address from, uint256 max) = _actorWith(fromSeed, pool.unlockedShares);
        address to = _actor(toSeed);
        if (max == 0) return;
        uint256 shares = _bound(amount, 1, max);
        vm.prank(from);
        try pool.transfer(to, shares) {}
        catch (bytes memory err) {
            _unexpected(err);
        }
    }

    // ─── Redemption queue ──────────────────────────────────────────────────────────────────────────────

    /// Another actor than `a`, from a seed.
    function _other(address a, uint256 seed) internal view returns (address o) {
        o = _actor(seed);
        if (o == a) o = _actor(seed + 1);
    }

    /// ERC-7540 request: by the owner, by an operator of the owner, or by a spender with an allowance, for a
    /// controller that may be someone else. Sized like a user would: at least the minimum, or the whole position.
    function requestRedeem(uint256 actorSeed, uint256 amount, uint256 modeSeed) external track("requestRedeem") {
        if (pool.paused()) return; // documented: no requests while paused
        (address owner, uint256 max) = _actorWith(actorSeed, pool.unlockedShares);
        if (max == 0) return;
        uint256 shares = _mostly(amount, max);
        uint256 value = pool.previewRedeem(shares);
        if (shares < max && (value < pool.minDeposit() || value == 0)) shares = max;
        // Documented: a request worth nothing (dust, or shares of a pool that lost everything) is refused.
        if (pool.previewRedeem(shares) == 0) return;
        uint256 mode = modeSeed % 3;
        address sender = owner;
        address controller = owner;
        if (mode == 1) {
            sender = _other(owner, modeSeed >> 2);
            controller = _actor(modeSeed >> 8);
            if (!pool.isOperator(owner, sender)) {
                vm.prank(owner);
                pool.setOperator(sender, true);
            }
            statDelegatedRequests++;
        } else if (mode == 2) {
            sender = _other(owner, modeSeed >> 2);
            controller = (modeSeed >> 8) % 2 == 0 ? sender : owner;
            vm.prank(owner);
            pool.approve(sender, shares);
            statDelegatedRequests++;
        }
        vm.prank(sender);
        try pool.requestRedeem(shares, controller, owner) {}
        catch (bytes memory err) {
            _unexpected(err);
        }
        if (mode == 2 && pool.allowance(owner, sender) != 0 && !pool.isOperator(owner, sender)) {
            _unexpected("allowance not spent by requestRedeem");
        }
    }

    /// The controller, or sometimes an actor it made its operator.
    function _controllerOrOperator(address controller, uint256 seed) internal view returns (address) {
        if (seed % 2 == 0) return controller;
        for (uint256 k = 0; k < N_ACTORS; k++) {
            address o = _actors[k];
            if (o != controller && pool.isOperator(controller, o)) return o;
        }
        return controller;
    }

    /// Cancels (ERC-7887, synchronous) the first request, from a seeded starting point, with pending shares.
    /// Open while paused.
    function cancelRedeemRequest(uint256 seed) external track("cancelRedeemRequest") {
        uint256 n = pool.redeemRequestCount();
        if (n == 0) return;
        for (uint256 k = 0; k < n; k++) {
            uint256 id = (seed % n + k) % n + 1;
            FinancingPool.Request memory r = pool.redeemRequest(id);
            if (r.pendingShares == 0) continue;
            uint256 lockedBefore = pool.lockedShares(r.owner);
            vm.prank(_controllerOrOperator(r.controller, seed >> 8));
            try pool.cancelRedeemRequest(id, r.controller) {
                statCancels++;
                if (pool.lockedShares(r.owner) != lockedBefore - r.pendingShares) {
                    _unexpected("cancel did not unlock the pending shares");
                }
            } catch (bytes memory err) {
                _unexpected(err);
            }
            return;
        }
    }

    /// Claims (all, or part by shares or by assets) the filled redemptions of the first controller, from a seeded
    /// starting point, that has some. Open while paused.
    function claimRedemption(uint256 seed, uint256 receiverSeed, uint256 amount) external track("claimRedemption") {
        (address controller,) = _actorWith(seed, this.claimableRedemptionShares);
        (uint128 cs, uint128 ca) = pool.claimableRedemption(controller);
        if (cs == 0) return;
        address receiver = _actor(receiverSeed);
        address caller = _controllerOrOperator(controller, seed >> 8);
        uint256 mode = amount % 3;
        uint256 reservedBefore = pool.reservedForRedemptions();
        uint256 paid;
        bool ok;
        bytes memory err;
        if (mode == 2 && ca > 0) {
            uint256 assets = _bound(amount >> 2, 1, ca);
            vm.prank(caller);
            try pool.withdraw(assets, receiver, controller) returns (uint256) {
                (ok, paid) = (true, assets);
            } catch (bytes memory e) {
                err = e;
            }
        } else {
            uint256 shares = mode == 1 ? _bound(amount >> 2, 1, cs) : cs;
            vm.prank(caller);
            try pool.redeem(shares, receiver, controller) returns (uint256 assets) {
                (ok, paid) = (true, assets);
            } catch (bytes memory e) {
                err = e;
            }
        }
        if (!ok) {
            _unexpected(err);
            return;
        }
        ghostRedemptionClaimed += paid;
        if (pool.reservedForRedemptions() != reservedBefore - paid) _unexpected("claim did not release its assets");
        (uint128 csAfter, uint128 caAfter) = pool.claimableRedemption(controller);
        // A partial claim must never leave assets behind that no share can claim any more.
        if (csAfter == 0 && caAfter > 0) _unexpected("claim stranded reserved assets");
    }

    function fillRedemptions(uint256 callerSeed, uint256 maxRequests) external track("fillRedemptions") {
        if (pool.paused()) return; // documented: no fills while paused
        uint256 n = pool.redeemRequestCount();
        maxRequests = _bound(maxRequests, 1, n + 2);
        vm.prank(_actor(callerSeed));
        try pool.fillRedemptions(maxRequests) {}
        catch (bytes memory err) {
            _unexpected(err);
            return;
        }
        // Liveness: with room for every request, whatever is still pending must need more than idle.
        uint256 head = pool.queueHead();
        if (maxRequests >= n && head != 0) {
            uint256 pending = pool.redeemRequest(head).pendingShares;
            if (pending > 0 && pool.previewRedeem(pending) + 1 < pool.idle()) fillStalled = true;
        }
    }

    // ─── Revenue ───────────────────────────────────────────────────────────────────────────────────────

    function claimRevenue(uint256 actorSeed, uint256 receiverSeed) external track("claimRevenue") {
        (address a, uint256 shown) = _actorWith(actorSeed, pool.claimableRevenue);
        address receiver = _actor(receiverSeed);
        if (shown == 0) return;
        vm.prank(a);
        try pool.claim(receiver) returns (uint256 amount) {
            ghostRevenueClaimed += amount;
            statClaims++;
            ghostClaimedBy[a] += amount;
            // Same block: claim accrues exactly as the view previews, so it pays exactly what was shown, and
            // at least what was shown after the previous action.
            if (amount != shown || amount < lastClaimable[a]) claimMismatch = true;
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    function distributeRevenue(uint256 assetSeed, uint256 amount, uint256 periodLen)
        external
        track("distributeRevenue")
    {
        if (pool.paused()) return; // documented: no distributions while paused
        uint256 assetId = assetIds[assetSeed % 2];
        amount = _bound(amount, pool.minDistribution(), MAX_REVENUE);
        periodLen = _bound(periodLen, 1, 30 days);
        uint64 end = uint64(block.timestamp);
        // forge-lint: disable-next-line(unsafe-typecast)
        uint64 start = end - uint64(periodLen); // periodLen <= 30 days
        usdc.mint(reporter, amount);
        uint256 fee = (amount * pool.protocolFeeBps()) / 10_000;
        vm.prank(reporter);
        try pool.distributeRevenue(assetId, amount, start, end) {
            ghostGrossDistributed += amount;
            ghostFees += fee;
            ghostNetDistributed += amount - fee;
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    // ─── Manager ───────────────────────────────────────────────────────────────────────────────────────

    function _capital(uint256 assetId)
        internal
        view
        returns (uint256 writtenDown, uint256 recovered, uint256 provision, uint256 limit)
    {
        (,, uint128 w, uint128 r, uint128 p, uint128 l) = pool.assetCapital(assetId);
        return (w, r, p, l);
    }

    function deployCapital(uint256 assetSeed, uint256 amount) external track("deployCapital") {
        if (pool.paused()) return; // documented: no manager actions while paused
        uint256 assetId = assetIds[assetSeed % 2];
        HardwareAssetRegistry.Status st = pool.registry().statusOf(assetId);
        // The pool refuses to finance retired or impaired machines (documented, not a failure).
        if (st == HardwareAssetRegistry.Status.Retired || st == HardwareAssetRegistry.Status.Impaired) return;
        if (pool.status() == FinancingPool.Status.Closed) return; // wind-down: no more deployments
        // Never what waiting exits are owed, never beyond the asset's limit.
        uint256 max = pool.deployableCapital();
        (,,, uint256 limit) = _capital(assetId);
        uint256 outstanding = pool.outstandingOf(assetId);
        uint256 room = limit > outstanding ? limit - outstanding : 0;
        if (room < max) max = room;
        if (max == 0) return;
        amount = _mostly(amount, max);
        vm.prank(manager);
        try pool.deployCapital(assetId, amount) {
            ghostDeployed += amount;
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    function recordRepayment(uint256 assetSeed, uint256 amount) external track("recordRepayment") {
        if (pool.paused()) return;
        uint256 assetId = assetIds[assetSeed % 2];
        uint256 outstanding = pool.outstandingOf(assetId);
        if (outstanding == 0) return;
        amount = _mostlySmall(amount, outstanding);
        usdc.mint(manager, amount);
        vm.prank(manager);
        try pool.recordRepayment(assetId, amount) {
            ghostRepaid += amount;
        } catch (bytes memory err) {
            _unexpected(err);
        }
        (,, uint256 provision,) = _capital(assetId);
        if (provision > pool.outstandingOf(assetId)) _unexpected("provision above outstanding after repayment");
    }

    /// The manager raises an asset's provision (the registry marks it impaired first): the price falls at once.
    function markImpairment(uint256 assetSeed, uint256 amount) external track("markImpairment") {
        if (pool.paused()) return;
        uint256 assetId = assetIds[assetSeed % 2];
        uint256 outstanding = pool.outstandingOf(assetId);
        (,, uint256 provision,) = _capital(assetId);
        if (outstanding <= provision) return;
        uint256 target = provision + _mostlySmall(amount, outstanding - provision);
        HardwareAssetRegistry registry = pool.registry();
        if (registry.statusOf(assetId) != HardwareAssetRegistry.Status.Impaired) {
            vm.prank(manager);
            registry.setStatus(assetId, HardwareAssetRegistry.Status.Impaired);
        }
        vm.prank(manager);
        try pool.markImpairment(assetId, target) {
            statImpairments++;
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    /// The admin (timelock) lowers a provision: the loss turned out smaller.
    function lowerProvision(uint256 assetSeed, uint256 amount) external track("lowerProvision") {
        if (pool.paused()) return;
        uint256 assetId = assetIds[assetSeed % 2];
        (,, uint256 provision,) = _capital(assetId);
        if (provision == 0) return;
        uint256 target = _bound(amount, 0, provision - 1);
        vm.prank(admin);
        try pool.markImpairment(assetId, target) {}
        catch (bytes memory err) {
            _unexpected(err);
        }
    }

    /// The manager writes off provisioned principal: price-neutral (checked like any other action).
    function recordWriteDown(uint256 assetSeed, uint256 amount) external track("recordWriteDown") {
        if (pool.paused()) return;
        uint256 assetId = assetIds[assetSeed % 2];
        (,, uint256 provision,) = _capital(assetId);
        if (provision == 0) return;
        amount = _mostly(amount, provision);
        vm.prank(manager);
        try pool.recordWriteDown(assetId, amount) {
            ghostWrittenDown += amount;
            statWriteDowns++;
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    /// The admin writes off any amount up to outstanding (the provision first).
    function adminWriteDown(uint256 assetSeed, uint256 amount) external track("adminWriteDown") {
        if (pool.paused()) return;
        uint256 assetId = assetIds[assetSeed % 2];
        uint256 outstanding = pool.outstandingOf(assetId);
        if (outstanding == 0) return;
        amount = _mostlySmall(amount, outstanding);
        vm.prank(admin);
        try pool.recordWriteDown(assetId, amount) {
            ghostWrittenDown += amount;
            statWriteDowns++;
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    /// Money recovered on written-off principal comes back to idle.
    function recordRecovery(uint256 assetSeed, uint256 amount) external track("recordRecovery") {
        if (pool.paused()) return;
        uint256 assetId = assetIds[assetSeed % 2];
        (uint256 writtenDown, uint256 recovered,,) = _capital(assetId);
        if (writtenDown == recovered) return;
        amount = _mostly(amount, writtenDown - recovered);
        usdc.mint(manager, amount);
        vm.prank(manager);
        try pool.recordRecovery(assetId, amount) {
            ghostRecovered += amount;
            statRecoveries++;
        } catch (bytes memory err) {
            _unexpected(err);
        }
    }

    /// The manager (a registrar) moves an asset through its lifecycle; repayments, write-downs and revenue go on
    /// whatever the status.
    function setAssetStatus(uint256 assetSeed, uint256 statusSeed) external track("setAssetStatus") {
        uint256 assetId = assetIds[assetSeed % 2];
        HardwareAssetRegistry.Status st = HardwareAssetRegistry.Status(statusSeed % 5);
        HardwareAssetRegistry registry = pool.registry();
        vm.prank(manager);
        try registry.setStatus(assetId, st) {}
        catch (bytes memory err) {
            _unexpected(err);
        }
    }

    /// Pauses the pool (everything stops but revenue claims, claims of filled redemptions and cancellations). The
    /// next warp unpauses it, so pauses stay short.
    function pause() external track("pause") {
        if (pool.paused()) return;
        vm.prank(guardian);
        try pool.pause() {}
        catch (bytes memory err) {
            _unexpected(err);
        }
    }

    /// Wind-down, late in a sequence only (it ends deposits for good): repayments, revenue and exits go on.
    function close() external track("close") {
        if (actionCount < 35 || pool.status() == FinancingPool.Status.Closed || pool.paused()) return;
        vm.prank(manager);
        try pool.close() {}
        catch (bytes memory err) {
            _unexpected(err);
        }
    }

    // ─── Environment ───────────────────────────────────────────────────────────────────────────────────

    function warp(uint256 dt) external track("warp") {
        currentTime += _bound(dt, 1, MAX_WARP);
        vm.warp(currentTime);
        if (pool.paused()) {
            vm.prank(guardian);
            try pool.unpause() {}
            catch (bytes memory err) {
                _unexpected(err);
            }
        }
    }

    /// USDC sent straight to the pool: must move neither the share price nor any claim.
    function donate(uint256 amount) external track("donate") {
        amount = _bound(amount, 1, 100_000e6);
        usdc.mint(address(pool), amount);
        ghostDonated += amount;
    }
}
