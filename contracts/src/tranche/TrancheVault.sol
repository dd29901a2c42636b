// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

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
contract TrancheVault is ERC4626, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using SafeCast for int256;

    uint256 internal constant ACC_PRECISION = 1e36;
    /// @dev Revenue is released only to a supply of at least one USDC's worth of shares (at the first price);
    /// below it the stream waits, keeping the time it had left.
    uint256 internal constant MIN_ACCRUAL_SUPPLY = 1e18;

    ITranchedPool public immutable pool;
    bool public immutable isSenior;
    uint32 public immutable revenueStreamDuration;

    uint256 public accRevenuePerShare;
    uint256 public streamRemaining;
    uint64 public streamEnd;
    uint64 public streamUpdatedAt;
    /// @notice USDC owed to holders: streaming, released and not yet claimed.
    uint256 public revenueHeld;
    uint256 public totalRevenueClaimed;
    mapping(address account => int256) internal _revenueDebt;

    event RevenueReceived(uint256 amount, uint64 streamEnd);
    event RevenueClaimed(address indexed account, address indexed receiver, uint256 amount);

    error NotPool(address caller);
    error NothingToClaim();
    error EnforcedPause();
    error InvalidParameter();

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

    function maxWithdraw(address owner) public view override returns (uint256) {
        (uint256 poolMax,) = pool.maxWithdraw(isSenior);
        return Math.min(_convertToAssets(balanceOf(owner), Math.Rounding.Floor), poolMax);
    }

    function maxRedeem(address owner) public view override returns (uint256) {
        (uint256 poolMax,) = pool.maxWithdraw(isSenior);
        return Math.min(balanceOf(owner), _convertToShares(poolMax, Math.Rounding.Floor));
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
        streamRemaining = total;
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
        uint256 acc = _accrueRevenue();
        // Rounded so that no one is owed a base unit that was never released: the sender's debt falls by the
        // shares' worth rounded down, the receiver's rises by it rounded up.
        if (from != address(0)) _revenueDebt[from] -= Math.mulDiv(value, acc, ACC_PRECISION).toInt256();
        if (to != address(0)) {
            _revenueDebt[to] += Math.mulDiv(value, acc, ACC_PRECISION, Math.Rounding.Ceil).toInt256();
        }
        super._update(from, to, value);
    }

    function _accrueRevenue() internal returns (uint256 acc) {
        uint256 end;
        (acc, streamRemaining, end) = _preview();
        if (streamUpdatedAt < block.timestamp) {
            accRevenuePerShare = acc;
            streamEnd = uint64(end);
            streamUpdatedAt = uint64(block.timestamp);
        }
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
