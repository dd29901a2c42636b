// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {Vm} from "forge-std/Vm.sol";
import {FinancingPool} from "../../src/FinancingPool.sol";
import {MockUSDC} from "../../src/MockUSDC.sol";

/// @notice PoolHandler's state and bookkeeping: the actors, the ghost accounting the invariants check, and what
/// runs around every action (the `track` modifier and its diff of the pool's events and claims). The actions
/// themselves are in the mixins beside it, one per kind of caller.
abstract contract PoolHandlerBase is CommonBase, StdCheats, StdUtils {
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
}
