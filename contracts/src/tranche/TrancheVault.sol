// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IERC7540Operator, IERC7540Redeem, IERC7887Redeem} from "../interfaces/IERC7540.sol";

/// @notice What a tranche vault needs of its pool.
interface ITranchedPool {
    function seniorValue() external view returns (uint256);
    function juniorValue() external view returns (uint256);
    function paused() external view returns (bool);
    function maxDeposit(bool isSenior) external view returns (uint256 assets, bool bySubordination);
    function maxWithdraw(bool isSenior) external view returns (uint256 assets, bool bySubordination);
    function trancheDeposit(uint256 assets) external;
    function trancheWithdraw(uint256 assets, uint256 shares, uint256 supply, address receiver) external;
}

/// @notice One tranche of a TranchedPool as an ERC-4626 vault in USDC: its shares are worth the tranche's value,
/// which the pool keeps (deposits go straight to the pool, exits are paid by it from idle cash, within the
/// subordination limit for junior). The tranche's revenue, paid in by the pool at each distribution, is streamed to
/// its holders over `revenueStreamDuration` (no just-in-time capture) and claimed in cash, as in FinancingPool.
/// Exits beyond what the pool can pay now queue (ERC-7540, cancellable per ERC-7887), first in, first out, per
/// tranche: the shares stay with their owner, locked and earning, until anyone fills them from idle cash.
contract TrancheVault is ERC4626, ReentrancyGuardTransient, IERC7540Operator, IERC7540Redeem, IERC7887Redeem {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using SafeCast for int256;

    uint256 internal constant ACC_PRECISION = 1e36;
    /// @dev Revenue is released only to a supply of at least one USDC's worth of shares (at the first price);
    /// below it the stream waits, keeping the time it had left.
    uint256 internal constant MIN_ACCRUAL_SUPPLY = 1e18;
    /// @notice The smallest exit request, unless it is the owner's whole unlocked position: a long queue of dust
    /// would cost its fillers gas (about 60k each) for nothing, so queueing costs real capital.
    uint256 public constant MIN_REQUEST_ASSETS = 100e6;

    ITranchedPool public immutable pool;
    bool public immutable isSenior;
    uint32 public immutable revenueStreamDuration;

    uint256 public accRevenuePerShare;
    // The stream in one slot: each settlement writes it once (128 bits hold 3.4e32 units of USDC).
    uint128 public streamRemaining;
    uint64 public streamEnd;
    uint64 public streamUpdatedAt;
    /// @notice USDC owed to holders: streaming, released and not yet claimed.
    uint256 public revenueHeld;
    uint256 public totalRevenueClaimed;
    mapping(address account => int256) internal _revenueDebt;

    /// @dev A queue entry; ids start at 1 so that 0 ends the list.
    struct Request {
        address owner;
        uint48 prev;
        uint48 next;
        address controller;
        uint128 pendingShares;
        uint128 filledShares;
    }

    mapping(uint256 requestId => Request) internal _requests;
    uint48 public queueHead;
    uint48 public queueTail;
    uint48 public redeemRequestCount;
    uint256 public pendingRedeemShares;
    /// @notice USDC of filled requests, held here until their controllers claim it.
    uint256 public reservedForRedemptions;
    mapping(address owner => uint256) public lockedShares;
    mapping(address controller => uint256) internal _claimableShares;
    mapping(address controller => uint256) internal _claimableAssets;
    mapping(address controller => mapping(address operator => bool)) public override isOperator;

    event RedeemRequestFilled(
        uint256 indexed requestId, address indexed controller, address indexed owner, uint256 shares, uint256 assets
    );
    event RedemptionClaimed(address indexed controller, address indexed receiver, uint256 shares, uint256 assets);

    event RevenueReceived(uint256 amount, uint64 streamEnd);
    event RevenueClaimed(address indexed account, address indexed receiver, uint256 amount);

    error NotPool(address caller);
    error NothingToClaim();
    error EnforcedPause();
    error InvalidParameter();
    error ZeroAmount();
    error SharesLocked(address owner, uint256 requested, uint256 unlocked);
    error UnknownRequest(uint256 requestId);
    error NotControllerOrOperator(address controller, address caller);
    error ExceedsClaimable(uint256 requested, uint256 claimable);
    error BelowMinimumRequest(uint256 assets, uint256 minimum);

    constructor(
        IERC20 usdc,
        ITranchedPool pool_,
        bool isSenior_,
        string memory name_,
        string memory symbol_,
        uint32 streamDuration
    ) ERC20(name_, symbol_) ERC4626(usdc) {
        if (address(pool_) == address(0) || streamDuration < 1 hours || streamDuration > 90 days) {
            revert InvalidParameter();
        }
        pool = pool_;
        isSenior = isSenior_;
        revenueStreamDuration = streamDuration;
    }

    /// @dev 18-decimal shares over 6-decimal USDC, as FinancingPool: a first depositor cannot inflate the price.
    function _decimalsOffset() internal pure override returns (uint8) {
        return 12;
    }

    /// @notice The tranche's value, as the pool keeps it (after losses, before revenue, which is paid in cash).
    function totalAssets() public view override returns (uint256) {
        return isSenior ? pool.seniorValue() : pool.juniorValue();
    }

    function maxDeposit(address) public view override returns (uint256 assets) {
        (assets,) = pool.maxDeposit(isSenior);
    }

    function maxMint(address receiver) public view override returns (uint256) {
        uint256 assets = maxDeposit(receiver);
        return assets >= type(uint128).max ? type(uint256).max : _convertToShares(assets, Math.Rounding.Floor);
    }

    /// @notice A controller with filled requests may claim them; otherwise an instant exit of unlocked shares,
    /// within what the pool can pay now, and none while others wait in the queue (no one jumps it).
    function maxWithdraw(address owner) public view override returns (uint256) {
        if (_claimableShares[owner] > 0) return _claimableAssets[owner];
        if (queueHead != 0) return 0;
        (uint256 poolMax,) = pool.maxWithdraw(isSenior);
        return Math.min(_convertToAssets(unlockedShares(owner), Math.Rounding.Floor), poolMax);
    }

    function maxRedeem(address owner) public view override returns (uint256) {
        if (_claimableShares[owner] > 0) return _claimableShares[owner];
        if (queueHead != 0) return 0;
        (uint256 poolMax,) = pool.maxWithdraw(isSenior);
        return Math.min(unlockedShares(owner), _convertToShares(poolMax, Math.Rounding.Floor));
    }

    /// @notice ERC-7540: a controller's claim is redeem(shares, receiver, controller), at the fill's price.
    function redeem(uint256 shares, address receiver, address owner) public override returns (uint256 assets) {
        uint256 claimable = _claimableShares[owner];
        if (claimable == 0) return super.redeem(shares, receiver, owner);
        if (shares > claimable) revert ExceedsClaimable(shares, claimable);
        assets = Math.mulDiv(_claimableAssets[owner], shares, claimable);
        _claimRedemption(owner, receiver, shares, assets);
    }

    function withdraw(uint256 assets, address receiver, address owner) public override returns (uint256 shares) {
        uint256 claimable = _claimableShares[owner];
        if (claimable == 0) return super.withdraw(assets, receiver, owner);
        uint256 claimableAssets = _claimableAssets[owner];
        if (assets > claimableAssets) revert ExceedsClaimable(assets, claimableAssets);
        shares = Math.mulDiv(claimable, assets, claimableAssets, Math.Rounding.Ceil);
        _claimRedemption(owner, receiver, shares, assets);
    }

    /// @dev The depositor's USDC goes straight to the pool, which books it (and refuses what the limits refuse).
    function _deposit(address caller, address receiver, uint256 assets, uint256 shares) internal override nonReentrant {
        IERC20(asset()).safeTransferFrom(caller, address(pool), assets);
        pool.trancheDeposit(assets);
        _mint(receiver, shares);
        emit Deposit(caller, receiver, assets, shares);
    }

    /// @dev The shares burn first; the pool pays the receiver from idle cash.
    function _withdraw(address caller, address receiver, address owner, uint256 assets, uint256 shares)
        internal
        override
        nonReentrant
    {
        if (caller != owner) _spendAllowance(owner, caller, shares);
        uint256 supply = totalSupply();
        _burn(owner, shares);
        pool.trancheWithdraw(assets, shares, supply, receiver);
        emit Withdraw(caller, receiver, owner, assets, shares);
    }

    // ─── Queued exits (ERC-7540, ERC-7887) ─────────────────────────────────────────────────────────────────

    function setOperator(address operator, bool approved) external returns (bool) {
        if (operator == msg.sender) revert InvalidParameter();
        isOperator[msg.sender][operator] = approved;
        emit OperatorSet(msg.sender, operator, approved);
        return true;
    }

    /// @notice Locks `shares` of `owner` in this tranche's exit queue for `controller`, redeemed at the price of
    /// the day they are filled; they keep earning the tranche's revenue until then.
    function requestRedeem(uint256 shares, address controller, address owner)
        external
        nonReentrant
        returns (uint256 requestId)
    {
        if (pool.paused()) revert EnforcedPause();
        if (shares == 0) revert ZeroAmount();
        if (controller == address(0)) revert InvalidParameter();
        if (msg.sender != owner && !isOperator[owner][msg.sender]) _spendAllowance(owner, msg.sender, shares);
        uint256 unlocked = unlockedShares(owner);
        if (shares > unlocked) revert SharesLocked(owner, shares, unlocked);
        uint256 value = previewRedeem(shares);
        if (value == 0 || (shares < unlocked && value < MIN_REQUEST_ASSETS)) {
            revert BelowMinimumRequest(value, MIN_REQUEST_ASSETS);
        }
        lockedShares[owner] += shares;
        pendingRedeemShares += shares;
        uint48 id = ++redeemRequestCount;
        uint48 tail = queueTail;
        _requests[id] = Request({
            owner: owner,
            prev: tail,
            next: 0,
            controller: controller,
            pendingShares: shares.toUint128(),
            filledShares: 0
        });
        if (tail == 0) queueHead = id;
        else _requests[tail].next = id;
        queueTail = id;
        emit RedeemRequest(controller, owner, id, msg.sender, shares);
        return id;
    }

    /// @notice ERC-7887: takes back what is still pending of a request, synchronously; what was filled stays
    /// claimable.
    function cancelRedeemRequest(uint256 requestId, address controller) external nonReentrant {
        _onlyControllerOrOperator(controller);
        Request storage r = _requests[requestId];
        if (r.controller != controller || r.pendingShares == 0) revert UnknownRequest(requestId);
        uint256 shares = r.pendingShares;
        r.pendingShares = 0;
        lockedShares[r.owner] -= shares;
        pendingRedeemShares -= shares;
        _unlink(r);
        emit CancelRedeemRequest(controller, requestId, msg.sender);
        emit CancelRedeemClaim(controller, r.owner, requestId, msg.sender, shares);
    }

    function pendingCancelRedeemRequest(uint256, address) external pure returns (bool) {
        return false;
    }

    function claimableCancelRedeemRequest(uint256, address) external pure returns (uint256) {
        return 0;
    }

    function claimCancelRedeemRequest(uint256, address, address) external pure returns (uint256) {
        revert NothingToClaim();
    }

    /// @notice Fills up to `maxRequests` requests, oldest first, from what the pool can pay this tranche now (idle
    /// cash; for junior, within the minimum subordination). Anyone may call it.
    function fillRedemptions(uint256 maxRequests) external nonReentrant returns (uint256 filled) {
        uint48 id = queueHead;
        while (id != 0 && filled < maxRequests) {
            (uint256 payable_,) = pool.maxWithdraw(isSenior);
            if (payable_ == 0) break;
            Request storage r = _requests[id];
            uint256 shares = r.pendingShares;
            uint256 assets = previewRedeem(shares);
            if (assets > payable_) {
                shares = _convertToShares(payable_, Math.Rounding.Floor);
                assets = previewRedeem(shares);
                if (assets == 0 || shares == 0) break;
            }
            address owner = r.owner;
            address controller = r.controller;
            r.pendingShares -= uint128(shares);
            r.filledShares += uint128(shares);
            pendingRedeemShares -= shares;
            lockedShares[owner] -= shares;
            _claimableShares[controller] += shares;
            _claimableAssets[controller] += assets;
            reservedForRedemptions += assets;
            uint256 supply = totalSupply();
            _burn(owner, shares);
            pool.trancheWithdraw(assets, shares, supply, address(this));
            emit RedeemRequestFilled(id, controller, owner, shares, assets);
            filled++;
            if (r.pendingShares > 0) break;
            uint48 next = r.next;
            _unlink(r);
            id = next;
        }
    }

    function pendingRedeemRequest(uint256 requestId, address controller) external view returns (uint256) {
        Request storage r = _requests[requestId];
        return r.controller == controller ? r.pendingShares : 0;
    }

    /// @notice Filled shares `controller` can claim (fungible across its filled requests).
    function claimableRedeemRequest(uint256 requestId, address controller) external view returns (uint256) {
        Request storage r = _requests[requestId];
        return r.controller == controller && r.filledShares > 0 ? _claimableShares[controller] : 0;
    }

    function claimableRedemption(address controller) external view returns (uint256 shares, uint256 assets) {
        return (_claimableShares[controller], _claimableAssets[controller]);
    }

    function redeemRequest(uint256 requestId) external view returns (Request memory) {
        if (requestId == 0 || requestId > redeemRequestCount) revert UnknownRequest(requestId);
        return _requests[requestId];
    }

    /// @notice What the queue is owed at today's price: the pool keeps that much idle cash from deployment.
    function pendingRedeemAssets() external view returns (uint256) {
        return pendingRedeemShares == 0 ? 0 : _convertToAssets(pendingRedeemShares, Math.Rounding.Ceil);
    }

    function unlockedShares(address owner) public view returns (uint256) {
        return balanceOf(owner) - lockedShares[owner];
    }

    /// @notice ERC-7575: the share token is the vault itself.
    function share() external view returns (address) {
        return address(this);
    }

    /// @notice ERC-165: ERC-7540 (operators, redeem), ERC-7887 and ERC-7575, as FinancingPool.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return interfaceId == type(IERC7540Operator).interfaceId || interfaceId == type(IERC7540Redeem).interfaceId
            || interfaceId == type(IERC7887Redeem).interfaceId || interfaceId == 0x2f0a18c5 // ERC-7575
            || interfaceId == 0x01ffc9a7; // ERC-165
    }

    function _claimRedemption(address controller, address receiver, uint256 shares, uint256 assets)
        private
        nonReentrant
    {
        _onlyControllerOrOperator(controller);
        if (shares == 0 && assets == 0) revert ZeroAmount();
        _claimableShares[controller] -= shares;
        _claimableAssets[controller] -= assets;
        reservedForRedemptions -= assets;
        IERC20(asset()).safeTransfer(receiver, assets);
        emit RedemptionClaimed(controller, receiver, shares, assets);
        emit Withdraw(msg.sender, receiver, controller, assets, shares);
    }

    function _unlink(Request storage r) private {
        uint48 prev = r.prev;
        uint48 next = r.next;
        if (prev == 0) queueHead = next;
        else _requests[prev].next = next;
        if (next == 0) queueTail = prev;
        else _requests[next].prev = prev;
        r.prev = 0;
        r.next = 0;
    }

    function _onlyControllerOrOperator(address controller) private view {
        if (msg.sender != controller && !isOperator[controller][msg.sender]) {
            revert NotControllerOrOperator(controller, msg.sender);
        }
    }

    // ─── Revenue ────────────────────────────────────────────────────────────────────────────────────────────

    /// @notice The pool has sent `amount` of this tranche's revenue: it joins the stream (amount-weighted end, so
    /// a new distribution does not delay what was already streaming by more than its own weight).
    function notifyRevenue(uint256 amount) external {
        if (msg.sender != address(pool)) revert NotPool(msg.sender);
        _accrueRevenue();
        uint256 remaining = streamRemaining;
        uint256 total = remaining + amount;
        uint256 left = streamEnd > block.timestamp ? streamEnd - block.timestamp : 0;
        uint256 window = (remaining * left + amount * revenueStreamDuration) / total;
        streamRemaining = total.toUint128();
        streamEnd = (block.timestamp + window).toUint64();
        streamUpdatedAt = uint64(block.timestamp);
        revenueHeld += amount;
        emit RevenueReceived(amount, streamEnd);
    }

    /// @notice Pays the caller's released revenue in USDC to `receiver`. Works while the pool is paused.
    function claim(address receiver) external nonReentrant returns (uint256 amount) {
        uint256 acc = _accrueRevenue();
        amount = _owed(balanceOf(msg.sender), _revenueDebt[msg.sender], acc);
        if (amount == 0) revert NothingToClaim();
        _revenueDebt[msg.sender] += amount.toInt256();
        revenueHeld -= amount;
        totalRevenueClaimed += amount;
        IERC20(asset()).safeTransfer(receiver, amount);
        emit RevenueClaimed(msg.sender, receiver, amount);
    }

    function claimableRevenue(address account) external view returns (uint256) {
        (uint256 acc,,) = _preview();
        return _owed(balanceOf(account), _revenueDebt[account], acc);
    }

    /// @notice Revenue still streaming, released over time to whoever holds the shares then.
    function streamingRevenue() external view returns (uint256 remaining) {
        (, remaining,) = _preview();
    }

    /// @dev Every balance change settles the stream first, then moves the revenue debt with the shares, so that
    /// what was owed stays with its holder and newcomers are owed only what is released after they arrive. Share
    /// transfers stop while the pool is paused.
    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0) && to != address(0) && pool.paused()) revert EnforcedPause();
        // Queued shares stay with their owner (earning) but cannot leave but by their fill.
        if (from != address(0) && lockedShares[from] > 0) {
            uint256 unlocked = balanceOf(from) - lockedShares[from];
            if (value > unlocked) revert SharesLocked(from, value, unlocked);
        }
        uint256 acc = _accrueRevenue();
        // Rounded so that no one is owed a base unit that was never released: the sender's debt falls by the
        // shares' worth rounded down, the receiver's rises by it rounded up.
        if (from != address(0)) _revenueDebt[from] -= Math.mulDiv(value, acc, ACC_PRECISION).toInt256();
        if (to != address(0)) {
            _revenueDebt[to] += Math.mulDiv(value, acc, ACC_PRECISION, Math.Rounding.Ceil).toInt256();
        }
        super._update(from, to, value);
    }

    /// @dev Nothing streaming, or already settled this second: nothing to release, and nothing is written.
    function _accrueRevenue() internal returns (uint256 acc) {
        if (streamRemaining == 0 || streamUpdatedAt >= block.timestamp) return accRevenuePerShare;
        uint256 remaining;
        uint256 end;
        (acc, remaining, end) = _preview();
        accRevenuePerShare = acc;
        streamRemaining = uint128(remaining);
        streamEnd = uint64(end);
        streamUpdatedAt = uint64(block.timestamp);
    }

    /// @dev remaining × elapsed ÷ time left is released since the last update (all of it at the end); with fewer
    /// than MIN_ACCRUAL_SUPPLY shares the stream waits, its end moving by the time waited.
    function _preview() internal view returns (uint256 acc, uint256 remaining, uint256 end) {
        acc = accRevenuePerShare;
        remaining = streamRemaining;
        end = streamEnd;
        uint256 updatedAt = streamUpdatedAt;
        if (remaining == 0 || block.timestamp <= updatedAt) return (acc, remaining, end);
        uint256 supply = totalSupply();
        if (supply < MIN_ACCRUAL_SUPPLY) return (acc, remaining, end + (block.timestamp - updatedAt));
        uint256 released =
            block.timestamp >= end ? remaining : remaining * (block.timestamp - updatedAt) / (end - updatedAt);
        return (acc + released * ACC_PRECISION / supply, remaining - released, end);
    }

    function _owed(uint256 balance, int256 debt, uint256 acc) private pure returns (uint256) {
        int256 owed = Math.mulDiv(balance, acc, ACC_PRECISION).toInt256() - debt;
        return owed > 0 ? uint256(owed) : 0;
    }
}
