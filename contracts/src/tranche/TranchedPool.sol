// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {HardwareAssetRegistry} from "../HardwareAssetRegistry.sol";
import {TrancheWaterfall} from "./TrancheWaterfall.sol";
import {TrancheVault} from "./TrancheVault.sol";

/// @notice A financing pool whose capital is held by two share classes over the same USDC and the same machines:
/// a senior tranche, paid a target rate first and losing last, and a junior tranche, which takes the first loss and
/// the rest of the revenue (TrancheWaterfall). Each tranche is its own ERC-4626 vault (TrancheVault); this contract
/// holds the principal, deploys it to the project's machines within per-asset limits, books repayments,
/// provisions, write-downs and recoveries, enforces the minimum subordination, and splits each revenue
/// distribution between the protocol fee and the two vaults, which stream it to their holders.
contract TranchedPool is AccessControl, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using TrancheWaterfall for TrancheWaterfall.Tranches;

    enum Status {
        Raising,
        Active,
        Closed
    }

    /// @dev Outstanding = deployed − repaid − writtenDown; value = outstanding − provision.
    struct AssetCapital {
        uint128 deployed;
        uint128 repaid;
        uint128 writtenDown;
        uint128 recovered;
        uint128 provision;
        uint128 limit;
    }

    struct Distribution {
        uint256 assetId;
        uint256 amount;
        uint64 periodStart;
        uint64 periodEnd;
    }

    struct Params {
        IERC20 usdc;
        HardwareAssetRegistry registry;
        string name;
        uint8 category;
        uint256 projectId;
        address projectOperator;
        uint256 depositCap;
        address admin;
        address manager;
        address reporter;
        address guardian;
        address treasury;
        uint16 protocolFeeBps;
        uint16 seniorRateBps;
        uint16 minSubordinationBps;
    }

    bytes32 public constant POOL_MANAGER_ROLE = keccak256("POOL_MANAGER_ROLE");
    bytes32 public constant REVENUE_REPORTER_ROLE = keccak256("REVENUE_REPORTER_ROLE");
    bytes32 public constant GUARDIAN_ROLE = keccak256("GUARDIAN_ROLE");
    uint16 public constant MAX_PROTOCOL_FEE_BPS = 2_000;

    IERC20 public immutable usdc;
    HardwareAssetRegistry public immutable registry;
    uint8 public immutable category;
    uint256 public immutable projectId;
    /// @notice The only address capital can go to: the project's operator.
    address public immutable projectOperator;
    /// @notice Smallest revenue distribution: one whole USDC, so dust cannot touch the tranches' streams.
    uint256 public constant MIN_DISTRIBUTION = 1e6;

    string public name;
    TrancheVault public senior;
    TrancheVault public junior;

    Status public status;
    bool public paused;
    uint256 public idle;
    uint256 public outstandingPrincipal;
    uint256 public totalProvisions;
    uint256 public depositCap;
    address public treasury;
    uint16 public protocolFeeBps;
    uint256 public totalRevenueDistributed;
    TrancheWaterfall.Tranches internal _tranches;
    mapping(uint256 assetId => AssetCapital) public assetCapital;

    event TranchesAttached(address senior, address junior);
    event PoolStatusChanged(Status previousStatus, Status status);
    event DepositCapUpdated(uint256 depositCap);
    event ProtocolFeeUpdated(address treasury, uint16 protocolFeeBps);
    event TrancheTermsUpdated(uint16 seniorRateBps, uint16 minSubordinationBps);
    event AssetLimitUpdated(uint256 indexed assetId, uint256 limit);
    event TrancheDeposit(bool indexed isSenior, uint256 assets);
    event TrancheWithdrawal(bool indexed isSenior, address indexed receiver, uint256 assets);
    event CapitalDeployed(uint256 indexed assetId, address indexed operator, uint256 amount);
    event PrincipalRepaid(uint256 indexed assetId, address indexed payer, uint256 amount);
    event ProvisionUpdated(uint256 indexed assetId, uint256 previousProvision, uint256 provision);
    event PrincipalWrittenDown(uint256 indexed assetId, uint256 amount);
    event PrincipalRecovered(uint256 indexed assetId, address indexed payer, uint256 amount);
    /// @notice How a fall of the pool's value was shared: junior first.
    event LossAllocated(uint256 toJunior, uint256 toSenior);
    /// @notice How a rise of the pool's value (a recovery, a provision lowered) was shared: senior's loss first.
    event LossRestored(uint256 toSenior, uint256 toJunior);
    event RevenueDistributed(uint256 indexed assetId, uint256 amount, uint64 periodStart, uint64 periodEnd);
    /// @notice One distribution's waterfall: fee + senior + junior == revenue; `carried` is senior interest still owed.
    event RevenueSplit(uint256 revenue, uint256 fee, uint256 senior, uint256 junior, uint256 carried);
    event Paused(address account);
    event Unpaused(address account);

    error TranchesAlreadyAttached();
    error NotATranche(address caller);
    error InvalidTranche(address vault);
    error DepositsClosed();
    error ExceedsDepositCap(uint256 totalAfter, uint256 depositCap);
    error ExceedsIdle(uint256 requested, uint256 idle);
    error ExceedsDeployable(uint256 requested, uint256 deployable);
    error AssetNotInPool(uint256 assetId);
    error AssetNotFinanceable(uint256 assetId);
    error AssetOperatorNotProject(uint256 assetId, address operator);
    error AssetNotImpaired(uint256 assetId);
    error ExceedsAssetLimit(uint256 assetId, uint256 outstandingAfter, uint256 limit);
    error ExceedsOutstanding(uint256 assetId, uint256 amount, uint256 outstanding);
    error ExceedsProvision(uint256 assetId, uint256 amount, uint256 provision);
    error ExceedsWrittenDown(uint256 assetId, uint256 amount, uint256 recoverable);
    error BelowMinimumDistribution(uint256 amount, uint256 minimum);
    error InvalidPeriod(uint64 periodStart, uint64 periodEnd);
    error InvalidStatusChange(Status from, Status to);
    error InvalidParameter();
    error ZeroAmount();
    error EnforcedPause();
    error ExpectedPause();

    constructor(Params memory p) {
        if (
            address(p.usdc) == address(0) || address(p.registry) == address(0) || p.admin == address(0)
                || p.treasury == address(0) || p.projectOperator == address(0)
                || p.protocolFeeBps > MAX_PROTOCOL_FEE_BPS
        ) revert InvalidParameter();
        usdc = p.usdc;
        registry = p.registry;
        name = p.name;
        category = p.category;
        projectId = p.projectId;
        projectOperator = p.projectOperator;
        depositCap = p.depositCap;
        treasury = p.treasury;
        protocolFeeBps = p.protocolFeeBps;
        _tranches.init(p.seniorRateBps, p.minSubordinationBps, block.timestamp);
        _grantRole(DEFAULT_ADMIN_ROLE, p.admin);
        if (p.manager != address(0)) _grantRole(POOL_MANAGER_ROLE, p.manager);
        if (p.reporter != address(0)) _grantRole(REVENUE_REPORTER_ROLE, p.reporter);
        if (p.guardian != address(0)) _grantRole(GUARDIAN_ROLE, p.guardian);
    }

    modifier whenNotPaused() {
        if (paused) revert EnforcedPause();
        _;
    }

    /// @dev Only the two vaults move principal in and out for their holders.
    modifier onlyTranche() {
        if (msg.sender != address(senior) && msg.sender != address(junior)) revert NotATranche(msg.sender);
        _;
    }

    // ─── Tranches ───────────────────────────────────────────────────────────────────────────────────────────

    /// @notice Binds the two vaults, once: each must be made for this pool, in USDC, senior and junior.
    function attachTranches(TrancheVault senior_, TrancheVault junior_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (address(senior) != address(0)) revert TranchesAlreadyAttached();
        if (address(senior_.pool()) != address(this) || !senior_.isSenior() || senior_.asset() != address(usdc)) {
            revert InvalidTranche(address(senior_));
        }
        if (address(junior_.pool()) != address(this) || junior_.isSenior() || junior_.asset() != address(usdc)) {
            revert InvalidTranche(address(junior_));
        }
        senior = senior_;
        junior = junior_;
        emit TranchesAttached(address(senior_), address(junior_));
    }

    /// @notice The pool's principal value: idle cash plus outstanding principal, less provisions.
    function totalValue() public view returns (uint256) {
        return idle + outstandingPrincipal - totalProvisions;
    }

    function seniorValue() public view returns (uint256) {
        return _tranches.seniorValue;
    }

    function juniorValue() public view returns (uint256) {
        return _tranches.juniorValue(totalValue());
    }

    /// @notice Losses senior has taken and not yet had back: recoveries restore it before junior.
    function seniorLoss() external view returns (uint256) {
        return _tranches.seniorLoss;
    }

    /// @notice Senior interest owed now (accrued and carried), paid first from the next distribution.
    function seniorInterestOwed() external view returns (uint256) {
        return _tranches.interestOwed(block.timestamp);
    }

    function seniorRateBps() external view returns (uint16) {
        return _tranches.seniorRateBps;
    }

    function minSubordinationBps() external view returns (uint16) {
        return _tranches.minSubordinationBps;
    }

    /// @notice Junior's share of the pool's value, in basis points (10,000 for a pool worth nothing).
    function subordinationBps() external view returns (uint256) {
        uint256 total = totalValue();
        return total == 0 ? 10_000 : juniorValue() * 10_000 / total;
    }

    /// @notice The most the tranche may take in now, and which limit sets it: the deposit cap, or (senior) the
    /// minimum subordination. Zero while paused or closed.
    function maxDeposit(bool isSenior) public view returns (uint256 assets, bool bySubordination) {
        if (paused || status == Status.Closed) return (0, false);
        uint256 total = totalValue();
        uint256 capRoom = depositCap > total ? depositCap - total : 0;
        if (!isSenior) return (capRoom, false);
        uint256 subRoom = _tranches.maxSeniorDeposit(total);
        return subRoom < capRoom ? (subRoom, true) : (capRoom, false);
    }

    /// @notice The most the tranche may take out now, and which limit sets it: idle cash, or (junior) the minimum
    /// subordination. Zero while paused.
    function maxWithdraw(bool isSenior) public view returns (uint256 assets, bool bySubordination) {
        if (paused) return (0, false);
        uint256 value = isSenior ? seniorValue() : juniorValue();
        uint256 cash = Math.min(idle, value);
        if (isSenior) return (cash, false);
        uint256 subRoom = _tranches.maxJuniorExit(totalValue());
        return subRoom < cash ? (subRoom, true) : (cash, false);
    }

    /// @notice A vault's deposit: its USDC is already here (sent by the depositor straight to the pool).
    function trancheDeposit(uint256 assets) external nonReentrant whenNotPaused onlyTranche {
        if (status == Status.Closed) revert DepositsClosed();
        if (assets == 0) revert ZeroAmount();
        uint256 total = totalValue();
        if (total + assets > depositCap) revert ExceedsDepositCap(total + assets, depositCap);
        _tranches.accrue(block.timestamp);
        bool isSenior = msg.sender == address(senior);
        if (isSenior) _tranches.addSenior(assets);
        idle += assets;
        if (isSenior) _tranches.requireSubordination(total + assets);
        emit TrancheDeposit(isSenior, assets);
    }

    /// @notice A vault's exit: `shares` of `supply` burned, `assets` of the tranche's value paid from idle cash.
    function trancheWithdraw(uint256 assets, uint256 shares, uint256 supply, address receiver)
        external
        nonReentrant
        whenNotPaused
        onlyTranche
    {
        if (assets > idle) revert ExceedsIdle(assets, idle);
        _tranches.accrue(block.timestamp);
        bool isSenior = msg.sender == address(senior);
        if (isSenior) _tranches.removeSenior(shares, supply, assets);
        idle -= assets;
        if (!isSenior) _tranches.requireSubordination(totalValue());
        usdc.safeTransfer(receiver, assets);
        emit TrancheWithdrawal(isSenior, receiver, assets);
    }

    // ─── Capital ────────────────────────────────────────────────────────────────────────────────────────────

    /// @notice Idle USDC the manager may deploy: what both tranches' queued exits are owed stays in the pool.
    function deployableCapital() public view returns (uint256) {
        uint256 owed = senior.pendingRedeemAssets() + junior.pendingRedeemAssets();
        return idle > owed ? idle - owed : 0;
    }

    function deployCapital(uint256 assetId, uint256 amount)
        external
        nonReentrant
        whenNotPaused
        onlyRole(POOL_MANAGER_ROLE)
    {
        if (status == Status.Closed) revert DepositsClosed();
        if (amount == 0) revert ZeroAmount();
        address operator = _operatorOfOwnAsset(assetId);
        if (operator != projectOperator) revert AssetOperatorNotProject(assetId, operator);
        HardwareAssetRegistry.Status assetStatus = registry.statusOf(assetId);
        if (assetStatus == HardwareAssetRegistry.Status.Retired || assetStatus == HardwareAssetRegistry.Status.Impaired)
        {
            revert AssetNotFinanceable(assetId);
        }
        uint256 deployable = deployableCapital();
        if (amount > deployable) revert ExceedsDeployable(amount, deployable);
        AssetCapital storage c = assetCapital[assetId];
        uint256 after_ = _outstanding(c) + amount;
        if (after_ > c.limit) revert ExceedsAssetLimit(assetId, after_, c.limit);
        if (status == Status.Raising) _setStatus(Status.Active);
        idle -= amount;
        outstandingPrincipal += amount;
        c.deployed += amount.toUint128();
        usdc.safeTransfer(operator, amount);
        emit CapitalDeployed(assetId, operator, amount);
    }

    function recordRepayment(uint256 assetId, uint256 amount)
        external
        nonReentrant
        whenNotPaused
        onlyRole(POOL_MANAGER_ROLE)
    {
        if (amount == 0) revert ZeroAmount();
        _operatorOfOwnAsset(assetId);
        AssetCapital storage c = assetCapital[assetId];
        uint256 outstanding = _outstanding(c);
        if (amount > outstanding) revert ExceedsOutstanding(assetId, amount, outstanding);
        usdc.safeTransferFrom(msg.sender, address(this), amount);
        c.repaid += amount.toUint128();
        outstandingPrincipal -= amount;
        idle += amount;
        emit PrincipalRepaid(assetId, msg.sender, amount);
        // A provision never exceeds what is still outstanding: money back lowers it, and the value that returns is
        // senior's loss first.
        if (c.provision > outstanding - amount) _setProvision(assetId, c, outstanding - amount);
    }

    /// @notice Raises an impaired asset's provision (manager) or lowers it (admin): the fall lands on junior first,
    /// the rise restores senior's loss first.
    function markImpairment(uint256 assetId, uint256 provision) external whenNotPaused {
        _operatorOfOwnAsset(assetId);
        AssetCapital storage c = assetCapital[assetId];
        if (provision > c.provision) {
            _checkRole(POOL_MANAGER_ROLE);
            if (registry.statusOf(assetId) != HardwareAssetRegistry.Status.Impaired) revert AssetNotImpaired(assetId);
        } else {
            _checkRole(DEFAULT_ADMIN_ROLE);
        }
        uint256 outstanding = _outstanding(c);
        if (provision > outstanding) revert ExceedsOutstanding(assetId, provision, outstanding);
        _setProvision(assetId, c, provision);
    }

    /// @notice Writes off provisioned principal (no change of value); beyond the provision (admin only) the rest
    /// is a loss, junior first.
    function recordWriteDown(uint256 assetId, uint256 amount) external whenNotPaused {
        if (amount == 0) revert ZeroAmount();
        _operatorOfOwnAsset(assetId);
        AssetCapital storage c = assetCapital[assetId];
        uint256 provision = c.provision;
        if (!hasRole(DEFAULT_ADMIN_ROLE, msg.sender)) {
            _checkRole(POOL_MANAGER_ROLE);
            if (amount > provision) revert ExceedsProvision(assetId, amount, provision);
        }
        uint256 outstanding = _outstanding(c);
        if (amount > outstanding) revert ExceedsOutstanding(assetId, amount, outstanding);
        uint256 covered = Math.min(amount, provision);
        if (amount > covered) _loss(amount - covered);
        // The provision written off was already out of the pool's value: no loss or restore for it.
        _storeProvision(assetId, c, provision - covered);
        c.writtenDown += amount.toUint128();
        outstandingPrincipal -= amount;
        emit PrincipalWrittenDown(assetId, amount);
    }

    /// @notice Money recovered on written-down principal comes back as principal: senior's loss first.
    function recordRecovery(uint256 assetId, uint256 amount)
        external
        nonReentrant
        whenNotPaused
        onlyRole(POOL_MANAGER_ROLE)
    {
        if (amount == 0) revert ZeroAmount();
        _operatorOfOwnAsset(assetId);
        AssetCapital storage c = assetCapital[assetId];
        uint256 recoverable = c.writtenDown - c.recovered;
        if (amount > recoverable) revert ExceedsWrittenDown(assetId, amount, recoverable);
        usdc.safeTransferFrom(msg.sender, address(this), amount);
        c.recovered += amount.toUint128();
        _restore(amount);
        idle += amount;
        emit PrincipalRecovered(assetId, msg.sender, amount);
    }

    function setAssetLimit(uint256 assetId, uint256 limit) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _operatorOfOwnAsset(assetId);
        assetCapital[assetId].limit = limit.toUint128();
        emit AssetLimitUpdated(assetId, limit);
    }

    function outstandingOf(uint256 assetId) external view returns (uint256) {
        return _outstanding(assetCapital[assetId]);
    }

    // ─── Revenue ────────────────────────────────────────────────────────────────────────────────────────────

    /// @notice Machine revenue for past periods of the pool's own assets, pulled from the reporter and split: the
    /// protocol fee, senior interest owed, junior the rest; each vault streams its part to its holders.
    function distributeRevenue(Distribution[] calldata distributions)
        external
        nonReentrant
        whenNotPaused
        onlyRole(REVENUE_REPORTER_ROLE)
    {
        uint256 revenue;
        for (uint256 i = 0; i < distributions.length; i++) {
            Distribution calldata d = distributions[i];
            if (d.amount < MIN_DISTRIBUTION) revert BelowMinimumDistribution(d.amount, MIN_DISTRIBUTION);
            if (d.periodEnd <= d.periodStart || d.periodEnd > block.timestamp) {
                revert InvalidPeriod(d.periodStart, d.periodEnd);
            }
            _operatorOfOwnAsset(d.assetId);
            revenue += d.amount;
            emit RevenueDistributed(d.assetId, d.amount, d.periodStart, d.periodEnd);
        }
        if (revenue == 0) revert ZeroAmount();
        usdc.safeTransferFrom(msg.sender, address(this), revenue);
        TrancheWaterfall.Split memory s = _tranches.distribute(revenue, protocolFeeBps, block.timestamp);
        totalRevenueDistributed += revenue - s.fee;
        if (s.fee > 0) usdc.safeTransfer(treasury, s.fee);
        _payTranche(senior, s.senior);
        _payTranche(junior, s.junior);
        emit RevenueSplit(revenue, s.fee, s.senior, s.junior, s.carried);
    }

    function _payTranche(TrancheVault vault, uint256 amount) private {
        if (amount == 0) return;
        usdc.safeTransfer(address(vault), amount);
        vault.notifyRevenue(amount);
    }

    // ─── Administration ─────────────────────────────────────────────────────────────────────────────────────

    function setStatus(Status next) external onlyRole(POOL_MANAGER_ROLE) {
        if (next == status || status == Status.Closed || next == Status.Raising) {
            revert InvalidStatusChange(status, next);
        }
        _setStatus(next);
    }

    function setDepositCap(uint256 cap) external onlyRole(POOL_MANAGER_ROLE) {
        depositCap = cap;
        emit DepositCapUpdated(cap);
    }

    /// @notice Fee and treasury: the admin's (a timelock), bounded.
    function setProtocolFee(address treasury_, uint16 feeBps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (treasury_ == address(0) || feeBps > MAX_PROTOCOL_FEE_BPS) revert InvalidParameter();
        treasury = treasury_;
        protocolFeeBps = feeBps;
        emit ProtocolFeeUpdated(treasury_, feeBps);
    }

    /// @notice The senior rate and the minimum subordination: the admin's (a timelock), bounded. Interest owed so
    /// far is kept at the old rate.
    function setTrancheTerms(uint16 rateBps, uint16 minSubBps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _tranches.accrue(block.timestamp);
        _tranches.init(rateBps, minSubBps, block.timestamp);
        emit TrancheTermsUpdated(rateBps, minSubBps);
    }

    function pause() external onlyRole(GUARDIAN_ROLE) {
        if (paused) revert EnforcedPause();
        paused = true;
        emit Paused(msg.sender);
    }

    function unpause() external onlyRole(GUARDIAN_ROLE) {
        if (!paused) revert ExpectedPause();
        paused = false;
        emit Unpaused(msg.sender);
    }

    // ─── Internal ───────────────────────────────────────────────────────────────────────────────────────────

    /// @dev A provision changed on its own moves the pool's value: a rise is a loss, a fall a restore.
    function _setProvision(uint256 assetId, AssetCapital storage c, uint256 provision) private {
        uint256 previous = c.provision;
        if (provision > previous) _loss(provision - previous);
        else if (provision < previous) _restore(previous - provision);
        _storeProvision(assetId, c, provision);
    }

    function _storeProvision(uint256 assetId, AssetCapital storage c, uint256 provision) private {
        uint256 previous = c.provision;
        if (previous == provision) return;
        c.provision = provision.toUint128();
        totalProvisions = totalProvisions - previous + provision;
        emit ProvisionUpdated(assetId, previous, provision);
    }

    /// @dev Call before the pool's value falls by `amount`.
    function _loss(uint256 amount) private {
        _tranches.accrue(block.timestamp);
        (uint256 toJunior, uint256 toSenior) = _tranches.absorbLoss(totalValue(), amount);
        emit LossAllocated(toJunior, toSenior);
    }

    function _restore(uint256 amount) private {
        _tranches.accrue(block.timestamp);
        (uint256 toSenior, uint256 toJunior) = _tranches.restore(amount);
        emit LossRestored(toSenior, toJunior);
    }

    function _setStatus(Status next) private {
        emit PoolStatusChanged(status, next);
        status = next;
    }

    function _outstanding(AssetCapital storage c) private view returns (uint256) {
        return uint256(c.deployed) - c.repaid - c.writtenDown;
    }

    function _operatorOfOwnAsset(uint256 assetId) private view returns (address) {
        if (registry.poolOf(assetId) != address(this)) revert AssetNotInPool(assetId);
        return registry.operatorOf(assetId);
    }
}
